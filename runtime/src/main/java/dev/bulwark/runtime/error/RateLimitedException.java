package dev.bulwark.runtime.error;

import dev.bulwark.runtime.retry.ServerHints;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** HTTP 429 Too Many Requests: the server asks the client to slow down, often saying for how long. */
public class RateLimitedException extends ApiStatusException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable Duration retryAfter;

  RateLimitedException(ErrorContext context, ErrorResponse response) {
    super(ErrorCategory.RATE_LIMITED, context, response);
    this.retryAfter = ServerHints.retryAfter(response.headers(), Clock.systemUTC()).orElse(null);
  }

  /**
   * How long the server asked the client to wait ({@code Retry-After}, {@code retry-after-ms}, {@code RateLimit} or
   * {@code X-RateLimit-Reset}), or {@code null} if it did not say.
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
