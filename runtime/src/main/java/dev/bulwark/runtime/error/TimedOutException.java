package dev.bulwark.runtime.error;

import java.io.IOException;
import java.time.Duration;

/** The call, or one of its steps, ran out of time; {@link #kind()} says which limit was reached. */
public class TimedOutException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  /** Which time limit a call reached. */
  public enum Kind {
    /** Establishing the connection took too long: nothing was sent. */
    CONNECT,
    /** The server went silent while the response was awaited or read (or the request written). */
    READ,
    /** One attempt as a whole took too long. */
    ATTEMPT,
    /** The whole call, every attempt and wait included, passed its deadline. */
    DEADLINE
  }

  private final Kind kind;

  /**
   * @param kind the limit reached
   * @param limit that limit's value, for the message
   */
  public TimedOutException(ErrorContext context, Kind kind, Duration limit, IOException cause) {
    super(message(context, kind, limit), ErrorCategory.TIMEOUT, context, cause);
    this.kind = kind;
  }

  /** Which time limit was reached. */
  public Kind kind() {
    return kind;
  }

  private static String message(ErrorContext context, Kind kind, Duration limit) {
    long millis = limit.toMillis();
    String what = switch (kind) {
      case CONNECT -> "could not connect within " + millis + " ms";
      case READ -> "the server sent nothing for " + millis + " ms";
      case ATTEMPT -> "an attempt took longer than " + millis + " ms";
      case DEADLINE -> "the call's deadline of " + millis + " ms passed after " + context.attempts()
          + (context.attempts() == 1 ? " attempt" : " attempts");
    };
    String advice = kind == Kind.DEADLINE
        ? "Raise the call timeout (x-bulwark-timeout call, or per call) or try again later"
        : "The server may be slow or unreachable; raise the timeout or try again later";
    return describe(context) + " timed out: " + what + ". " + advice;
  }
}
