package dev.bulwark.runtime.error;

import org.jspecify.annotations.Nullable;

/**
 * The server reported an error inside a server-sent event stream, after the call itself had succeeded: an event named
 * {@code error}. The stream is closed when this is thrown.
 */
public class StreamErrorException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String code;
  private final @Nullable String errorMessage;
  private final String dataExcerpt;

  /**
   * @param code the error code the event's data carries, if any
   * @param message the error message the event's data carries, if any
   * @param dataExcerpt the start of the event's data, already bounded by the caller
   */
  public StreamErrorException(ErrorContext context, @Nullable String code, @Nullable String message,
      String dataExcerpt) {
    super(describe(context) + " reported an error in its event stream"
            + (code == null ? "" : " [" + code + "]") + (message == null ? "" : ": " + message)
            + (dataExcerpt.isEmpty() ? "" : ". Event data starts with: " + dataExcerpt),
        ErrorCategory.STREAM_ERROR, context, null);
    this.code = code;
    this.errorMessage = message;
    this.dataExcerpt = dataExcerpt;
  }

  /** The error code the server gave, or {@code null}. */
  public @Nullable String code() {
    return code;
  }

  /** The error message the server gave, or {@code null}. */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** The start of the error event's data, bounded in length. */
  public String dataExcerpt() {
    return dataExcerpt;
  }
}
