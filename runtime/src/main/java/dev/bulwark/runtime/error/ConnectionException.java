package dev.bulwark.runtime.error;

import java.io.IOException;

/** The connection to the server could not be made, or broke before a complete response arrived. */
public class ConnectionException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  /** Wraps the I/O failure of one call. */
  public ConnectionException(ErrorContext context, IOException cause) {
    super(
        describe(context) + " failed" + attemptsNote(context) + ": could not talk to the server ("
            + causeText(cause)
            + "). Check the base URL and the network; the call may succeed when tried again",
        ErrorCategory.CONNECTION,
        context,
        cause);
  }
}
