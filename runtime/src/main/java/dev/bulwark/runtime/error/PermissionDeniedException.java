package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.util.List;
import java.util.Map;

/** HTTP 403 Forbidden: the credentials do not allow this operation. */
public class PermissionDeniedException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    super(ErrorCategory.PERMISSION_DENIED, operation, statusCode, headers, bodyExcerpt);
  }
}
