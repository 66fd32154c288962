package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.util.List;
import java.util.Map;

/** HTTP 429 Too Many Requests: the server asks the client to slow down. */
public class RateLimitedException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  RateLimitedException(OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    super(ErrorCategory.RATE_LIMITED, operation, statusCode, headers, bodyExcerpt);
  }
}
