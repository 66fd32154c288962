package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.io.IOException;

/** The call, or one of its steps (connecting, reading, writing), ran out of time. */
public class TimedOutException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  /** Wraps the timeout of one call. */
  public TimedOutException(OperationSpec operation, IOException cause) {
    super(
        describe(operation) + " timed out (" + (cause.getMessage() == null ? "no detail" : cause.getMessage())
            + "). The server may be slow or unreachable; raise the timeout or try again later",
        ErrorCategory.TIMEOUT,
        operation,
        cause);
  }
}
