package dev.bulwark.runtime.error;

/** HTTP 403 Forbidden: the credentials do not allow this operation. */
public class PermissionDeniedException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(ErrorContext context, ErrorResponse response) {
    super(ErrorCategory.PERMISSION_DENIED, context, response);
  }
}
