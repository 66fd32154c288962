package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.io.IOException;

/**
 * A request that is not safe to repeat (a POST or PATCH without an idempotency key) failed after it may have reached
 * the server. The server may or may not have applied it, so the runtime did not send it again: doing so could apply it
 * twice (a duplicate order, a double charge). Check the resource's state before trying again, or give the operation
 * an idempotency key so that the runtime can retry it safely.
 */
public class OutcomeUnknownException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /**
   * @param attempts attempts made, the failed one included
   * @param cause the transport failure
   */
  public OutcomeUnknownException(OperationSpec operation, int attempts, IOException cause) {
    super(
        describe(operation) + " failed after the request may have reached the server ("
            + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
            + "), so it may or may not have been applied. It was not sent again because " + operation.method()
            + " " + operation.pathTemplate() + " is not idempotent and has no idempotency key. Check the"
            + " resource's state before trying again; to let Bulwark retry it safely, enable idempotency keys"
            + " (x-bulwark-idempotency-key) or mark the operation idempotent (x-bulwark-idempotent)",
        ErrorCategory.OUTCOME_UNKNOWN,
        operation,
        cause);
    this.attempts = attempts;
  }

  /** Attempts made, the failed one included. */
  public int attempts() {
    return attempts;
  }
}
