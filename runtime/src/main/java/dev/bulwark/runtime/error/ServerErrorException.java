package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.util.List;
import java.util.Map;

/** HTTP 5xx: the server failed to handle the request. */
public class ServerErrorException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  ServerErrorException(OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    super(ErrorCategory.SERVER_ERROR, operation, statusCode, headers, bodyExcerpt);
  }
}
