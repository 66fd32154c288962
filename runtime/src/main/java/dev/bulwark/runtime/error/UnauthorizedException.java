package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.util.List;
import java.util.Map;

/** HTTP 401 Unauthorized: credentials are missing or were not accepted. */
public class UnauthorizedException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    super(ErrorCategory.UNAUTHORIZED, operation, statusCode, headers, bodyExcerpt);
  }
}
