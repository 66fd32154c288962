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

  /**
   * The whole call ran past its deadline.
   *
   * @param deadline the call's time limit, every attempt and wait included
   * @param attempts the attempts made before the deadline passed
   */
  public TimedOutException(OperationSpec operation, java.time.Duration deadline, int attempts, IOException cause) {
    super(
        describe(operation) + " timed out: the call's deadline of " + deadline.toMillis() + " ms passed after "
            + attempts + (attempts == 1 ? " attempt" : " attempts")
            + ". Raise the call timeout (x-bulwark-timeout call, or per call) or try again later",
        ErrorCategory.TIMEOUT,
        operation,
        cause);
  }
}
