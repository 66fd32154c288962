package dev.bulwark.runtime.retry;

/** How a backoff delay is randomised, so that clients that failed together do not retry together. */
public enum Jitter {
  /** A uniformly random delay between zero and the computed delay: the widest spread (the default). */
  FULL,
  /** Half the computed delay plus a random share of the other half: never shorter than half. */
  EQUAL,
  /** Exactly the computed delay. */
  NONE
}
