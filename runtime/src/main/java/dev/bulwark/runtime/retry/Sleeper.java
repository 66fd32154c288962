package dev.bulwark.runtime.retry;

import java.time.Duration;

/** Waits between attempts. Replaceable in tests, so that no test sleeps for real. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
