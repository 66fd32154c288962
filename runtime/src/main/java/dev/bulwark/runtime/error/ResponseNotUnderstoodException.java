package dev.bulwark.runtime.error;

import org.jspecify.annotations.Nullable;

/**
 * A response arrived but its body could not be read as the type the operation declares: malformed JSON, a body that
 * ended early, or (in strict mode, or from {@code validate()}) a value that breaks the schema. The message names the
 * JSON path where known.
 */
public class ResponseNotUnderstoodException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String bodyExcerpt;

  /**
   * @param problem what did not fit, for example a JSON path and the expected type
   * @param bodyExcerpt the start of the body, already bounded by the caller
   */
  public ResponseNotUnderstoodException(
      ErrorContext context, int statusCode, String problem, String bodyExcerpt, @Nullable Throwable cause) {
    super(
        describe(context) + " returned HTTP " + statusCode + " with a body that could not be read: " + problem
            + (bodyExcerpt.isEmpty() ? " (empty body)" : ". Body starts with: " + bodyExcerpt),
        ErrorCategory.RESPONSE_NOT_UNDERSTOOD,
        context,
        cause);
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** The HTTP status code of the response. */
  public int statusCode() {
    return statusCode;
  }

  /** The start of the response body as text, bounded in length. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
