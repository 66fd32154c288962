package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import dev.bulwark.runtime.retry.ServerHints;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTTP 429 Too Many Requests: the server asks the client to slow down, often saying for how long. */
public class RateLimitedException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<Duration> retryAfter;

  RateLimitedException(OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    super(ErrorCategory.RATE_LIMITED, operation, statusCode, headers, bodyExcerpt);
    this.retryAfter = ServerHints.retryAfter(headers(), Clock.systemUTC());
  }

  /**
   * How long the server asked the client to wait ({@code Retry-After}, {@code retry-after-ms}, {@code RateLimit} or
   * {@code X-RateLimit-Reset}), if it said.
   */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
