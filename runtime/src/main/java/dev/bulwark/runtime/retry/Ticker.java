package dev.bulwark.runtime.retry;

/** A monotonic clock in nanoseconds, for deadlines. Replaceable in tests. */
@FunctionalInterface
public interface Ticker {
  long nanoTime();

  /** {@link System#nanoTime()}. */
  static Ticker system() {
    return System::nanoTime;
  }
}
