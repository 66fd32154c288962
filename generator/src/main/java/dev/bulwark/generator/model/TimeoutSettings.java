package dev.bulwark.generator.model;

import java.time.Duration;
import java.util.Optional;

/** Timeouts from the spec ({@code x-bulwark-timeout}, and {@code maxElapsed} as the call timeout). */
public record TimeoutSettings(
    Optional<Duration> connect,
    Optional<Duration> read,
    Optional<Duration> write,
    Optional<Duration> attempt,
    Optional<Duration> call) {

  public static final TimeoutSettings NONE = new TimeoutSettings(
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public TimeoutSettings overriddenBy(TimeoutSettings later) {
    return new TimeoutSettings(
        later.connect.or(() -> connect),
        later.read.or(() -> read),
        later.write.or(() -> write),
        later.attempt.or(() -> attempt),
        later.call.or(() -> call));
  }

  public boolean isEmpty() {
    return equals(NONE);
  }
}
