package dev.bulwark.runtime.error;

/** HTTP 5xx: the server failed to handle the request. */
public class ServerErrorException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  ServerErrorException(ErrorContext context, ErrorResponse response) {
    super(ErrorCategory.SERVER_ERROR, context, response);
  }
}
