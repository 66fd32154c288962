package dev.bulwark.runtime.error;

/** HTTP 404 Not Found: the addressed resource does not exist. */
public class NotFoundException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  NotFoundException(ErrorContext context, ErrorResponse response) {
    super(ErrorCategory.NOT_FOUND, context, response);
  }
}
