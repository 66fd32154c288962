package dev.bulwark.runtime.error;

/** HTTP 401 Unauthorized: credentials are missing or were not accepted. */
public class UnauthorizedException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(ErrorContext context, ErrorResponse response) {
    super(ErrorCategory.UNAUTHORIZED, context, response);
  }
}
