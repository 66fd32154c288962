package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a failure happened: the operation, how many attempts were made and how long the call took. Every
 * {@link BulwarkException} carries one.
 *
 * @param attempts attempts made, the failed one included (at least 1)
 * @param elapsed time from the call's start to the failure, waits between attempts included
 */
public record ErrorContext(OperationSpec operation, int attempts, Duration elapsed) {
  public ErrorContext {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
