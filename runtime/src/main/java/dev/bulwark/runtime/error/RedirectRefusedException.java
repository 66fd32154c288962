package dev.bulwark.runtime.error;

/**
 * The server answered with a redirect the client would not follow: from {@code https} to {@code http}, to another
 * origin under {@link dev.bulwark.runtime.RedirectPolicy#SAME_ORIGIN}, one too many in a row, or a {@code 307}/{@code 308}
 * that asks to send again a body that was a one-shot stream. Nothing was sent to the redirect's target.
 */
public class RedirectRefusedException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String targetOrigin;

  /**
   * @param statusCode the redirect's status
   * @param targetOrigin where it pointed, as {@code scheme://host:port} (never a path or query, which may carry
   *     values)
   * @param reason why it was not followed, and what to do
   */
  public RedirectRefusedException(ErrorContext context, int statusCode, String targetOrigin, String reason) {
    super(describe(context) + " was redirected (HTTP " + statusCode + ") to " + targetOrigin
        + ", which was not followed: " + reason, ErrorCategory.UNEXPECTED_STATUS, context, null);
    this.statusCode = statusCode;
    this.targetOrigin = targetOrigin;
  }

  /** The redirect's HTTP status. */
  public int statusCode() {
    return statusCode;
  }

  /** Where the redirect pointed, as {@code scheme://host:port}. */
  public String targetOrigin() {
    return targetOrigin;
  }
}
