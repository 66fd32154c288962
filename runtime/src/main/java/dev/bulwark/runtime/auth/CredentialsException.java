package dev.bulwark.runtime.auth;

import java.io.IOException;

/**
 * A credential could not be obtained (an OAuth 2.0 token endpoint refused or failed). Thrown by
 * {@link Authentication#apply} before the request is sent; the runtime turns it into a
 * {@link dev.bulwark.runtime.error.CredentialsUnavailableException}. Its message never contains a secret.
 */
public class CredentialsException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * @param retryable whether trying again later may succeed (the endpoint failed or was unreachable), as opposed to
   *     the credentials being refused
   */
  public CredentialsException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether trying again later may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
