package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.util.List;
import java.util.Map;

/** HTTP 404 Not Found: the addressed resource does not exist. */
public class NotFoundException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  NotFoundException(OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    super(ErrorCategory.NOT_FOUND, operation, statusCode, headers, bodyExcerpt);
  }
}
