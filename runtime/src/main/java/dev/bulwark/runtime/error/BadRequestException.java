package dev.bulwark.runtime.error;

/** HTTP 400 Bad Request: the server rejected the request as malformed. */
public class BadRequestException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  BadRequestException(ErrorContext context, ErrorResponse response) {
    super(ErrorCategory.BAD_REQUEST, context, response);
  }
}
