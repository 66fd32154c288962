package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.util.List;
import java.util.Map;

/** HTTP 422 Unprocessable Content: the server understood the request but rejected its content. */
public class UnprocessableEntityException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    super(ErrorCategory.UNPROCESSABLE, operation, statusCode, headers, bodyExcerpt);
  }
}
