package dev.bulwark.runtime.error;

/** HTTP 409 Conflict: the request conflicts with the resource's current state. */
public class ConflictException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  ConflictException(ErrorContext context, ErrorResponse response) {
    super(ErrorCategory.CONFLICT, context, response);
  }
}
