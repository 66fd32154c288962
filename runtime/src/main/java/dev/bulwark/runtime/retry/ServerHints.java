package dev.bulwark.runtime.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads how long a server asks the client to wait, from the headers servers use for it, in this order:
 * {@code retry-after-ms} (milliseconds), {@code Retry-After} (seconds or an HTTP date), the IETF {@code RateLimit}
 * field ({@code t=} seconds) or {@code RateLimit-Reset}, and {@code X-RateLimit-Reset} (seconds, or epoch seconds
 * when the number is that large).
 */
public final class ServerHints {
  private static final Pattern RATE_LIMIT_T = Pattern.compile("(?:^|[;,\\s])t=(\\d+)");
  /** Values above this are epoch seconds, not a delay: 2001-09-09 as an epoch, or 31 years as a delay. */
  private static final long EPOCH_THRESHOLD = 1_000_000_000L;

  private ServerHints() {}

  /**
   * The wait the headers ask for, if any.
   *
   * @param headers response headers, names in lower case
   * @param clock the wall clock, for HTTP dates and epoch times
   */
  public static Optional<Duration> retryAfter(Map<String, List<String>> headers, Clock clock) {
    String millis = first(headers, "retry-after-ms");
    if (millis != null) {
      try {
        return Optional.of(nonNegative(Duration.ofNanos((long) (Double.parseDouble(millis) * 1_000_000))));
      } catch (NumberFormatException ignored) {
        // Fall through to the other headers.
      }
    }
    String retryAfter = first(headers, "retry-after");
    if (retryAfter != null) {
      Optional<Duration> parsed = secondsOrDate(retryAfter, clock);
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    String rateLimit = first(headers, "ratelimit");
    if (rateLimit != null) {
      Matcher matcher = RATE_LIMIT_T.matcher(rateLimit);
      if (matcher.find()) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(matcher.group(1))));
      }
    }
    String reset = first(headers, "ratelimit-reset");
    if (reset == null) {
      reset = first(headers, "x-ratelimit-reset");
    }
    if (reset != null) {
      try {
        long value = (long) Double.parseDouble(reset.trim());
        if (value > EPOCH_THRESHOLD) {
          return Optional.of(nonNegative(Duration.between(clock.instant(), Instant.ofEpochSecond(value))));
        }
        return Optional.of(nonNegative(Duration.ofSeconds(value)));
      } catch (NumberFormatException ignored) {
        // Not a number: no hint.
      }
    }
    return Optional.empty();
  }

  /**
   * The server's explicit decision, from a header such as {@code x-should-retry}: {@code true}, {@code false}, or
   * empty when the header is absent or says something else.
   */
  public static Optional<Boolean> retryDecision(Map<String, List<String>> headers, @Nullable String headerName) {
    if (headerName == null) {
      return Optional.empty();
    }
    String value = first(headers, headerName.toLowerCase(Locale.ROOT));
    if ("true".equalsIgnoreCase(value)) {
      return Optional.of(true);
    }
    if ("false".equalsIgnoreCase(value)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  private static Optional<Duration> secondsOrDate(String value, Clock clock) {
    String trimmed = value.trim();
    try {
      return Optional.of(nonNegative(Duration.ofMillis((long) (Double.parseDouble(trimmed) * 1000))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Optional.of(nonNegative(Duration.between(clock.instant(), date.toInstant())));
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  private static @Nullable String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
