package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import org.jspecify.annotations.Nullable;

/** A response arrived but its body could not be read as the type the operation declares. */
public class ResponseNotUnderstoodException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String bodyExcerpt;

  /**
   * @param problem what did not fit, for example a JSON path and the expected type
   * @param bodyExcerpt the start of the body, already bounded by the caller
   */
  public ResponseNotUnderstoodException(
      OperationSpec operation, int statusCode, String problem, String bodyExcerpt, @Nullable Throwable cause) {
    super(
        describe(operation) + " returned HTTP " + statusCode + " with a body that could not be read: " + problem
            + (bodyExcerpt.isEmpty() ? " (empty body)" : ". Body starts with: " + bodyExcerpt),
        ErrorCategory.RESPONSE_NOT_UNDERSTOOD,
        operation,
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
