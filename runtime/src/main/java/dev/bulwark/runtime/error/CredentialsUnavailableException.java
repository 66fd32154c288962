package dev.bulwark.runtime.error;

import dev.bulwark.runtime.auth.CredentialsException;

/**
 * The call was not sent because its credentials could not be obtained: an OAuth 2.0 token endpoint refused the client
 * credentials ({@link ErrorCategory#UNAUTHORIZED}) or failed ({@link ErrorCategory#CONNECTION}, retried like a
 * connection failure).
 */
public class CredentialsUnavailableException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  /** Wraps the credential failure of one call. */
  public CredentialsUnavailableException(ErrorContext context, CredentialsException cause) {
    super(describe(context) + " was not sent" + attemptsNote(context) + ": " + cause.getMessage(),
        cause.retryable() ? ErrorCategory.CONNECTION : ErrorCategory.UNAUTHORIZED, context, cause);
  }
}
