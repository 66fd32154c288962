package dev.bulwark.runtime.error;

/** HTTP 422 Unprocessable Content: the server understood the request but rejected its content. */
public class UnprocessableEntityException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(ErrorContext context, ErrorResponse response) {
    super(ErrorCategory.UNPROCESSABLE, context, response);
  }
}
