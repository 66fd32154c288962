package dev.bulwark.runtime.error;

import java.io.IOException;

/**
 * A request that is not safe to repeat (a POST or PATCH without an idempotency key) failed after it may have reached
 * the server. The server may or may not have applied it, so the runtime did not send it again: doing so could apply it
 * twice (a duplicate order, a double charge). Check the resource's state before trying again, or give the operation
 * an idempotency key so that the runtime can retry it safely.
 */
public class OutcomeUnknownException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  /** Wraps the transport failure that left the outcome unknown. */
  public OutcomeUnknownException(ErrorContext context, IOException cause) {
    super(
        describe(context) + " failed after the request may have reached the server ("
            + causeText(cause)
            + "), so it may or may not have been applied. It was not sent again because "
            + context.operation().method() + " " + context.operation().pathTemplate()
            + " is not idempotent and has no idempotency key. Check the resource's state before trying again; to let"
            + " Bulwark retry it safely, enable idempotency keys (x-bulwark-idempotency-key) or mark the operation"
            + " idempotent (x-bulwark-idempotent)",
        ErrorCategory.OUTCOME_UNKNOWN,
        context,
        cause);
  }
}
