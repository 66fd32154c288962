package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a failure happened: the operation, how many attempts were made, how long the call took, and for a call
 * sent with an idempotency key, the key and whether the server may have applied the request. Every
 * {@link BulwarkException} carries one.
 *
 * @param attempts attempts made, the failed one included (at least 1)
 * @param elapsed time from the call's start to the failure, waits between attempts included
 * @param idempotencyKey the idempotency key every attempt carried, or {@code null} for a call without one
 * @param mayHaveBeenApplied whether some attempt may have been applied: it was sent and ended without an answer that
 *     says it was not (a broken connection, a timeout, a 5xx other than 503)
 * @param correlationId the id every attempt of the call carried (its correlation header), or {@code null} where
 *     none is known
 */
public record ErrorContext(OperationSpec operation, int attempts, Duration elapsed, @Nullable String idempotencyKey,
    boolean mayHaveBeenApplied, @Nullable String correlationId) {
  public ErrorContext {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** A context of a call without a correlation id. */
  public ErrorContext(OperationSpec operation, int attempts, Duration elapsed, @Nullable String idempotencyKey,
      boolean mayHaveBeenApplied) {
    this(operation, attempts, elapsed, idempotencyKey, mayHaveBeenApplied, null);
  }

  /** A context of a call without an idempotency key, of which nothing is known to have been applied. */
  public ErrorContext(OperationSpec operation, int attempts, Duration elapsed) {
    this(operation, attempts, elapsed, null, false);
  }
}
