package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.util.List;
import java.util.Map;

/** HTTP 400 Bad Request: the server rejected the request as malformed. */
public class BadRequestException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  BadRequestException(OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    super(ErrorCategory.BAD_REQUEST, operation, statusCode, headers, bodyExcerpt);
  }
}
