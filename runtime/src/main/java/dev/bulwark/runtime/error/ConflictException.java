package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.util.List;
import java.util.Map;

/** HTTP 409 Conflict: the request conflicts with the resource's current state. */
public class ConflictException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  ConflictException(OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    super(ErrorCategory.CONFLICT, operation, statusCode, headers, bodyExcerpt);
  }
}
