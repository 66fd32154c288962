package dev.bulwark.runtime.telemetry;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a client's call log shows, set in code per client ({@code .logOptions(LogOptions.defaults().level(...))}).
 * Lines go to SLF4J under {@code dev.bulwark.calls.<ClientName>} with key-value pairs (operation, method,
 * url.template, status, attempt, delay, duration, error.category, request.id, correlation.id): each attempt at DEBUG,
 * each retry at INFO, a call that fails at WARN. The level here is a ceiling beneath SLF4J's own configuration.
 *
 * <p>Headers are logged only from an allow-list, at DEBUG; credentials never, whatever the list says: {@code
 * Authorization}, {@code Proxy-Authorization}, cookies and any header whose name says it carries a key, token,
 * secret or password. Bodies are logged only when {@link #maxBodyBytes} is above 0, bounded to that many bytes, with
 * the values of credential-named JSON members masked. URLs are logged as their template, so a query credential
 * never appears. Immutable.
 */
public final class LogOptions {
  /** How much of a client's call log to write. */
  public enum Level {
    /** Nothing. */
    OFF,
    /** Failed calls. */
    WARN,
    /** Failed calls and retries. */
    INFO,
    /** Everything: every attempt, and allowed headers and bodies. */
    DEBUG
  }

  private static final LogOptions DEFAULTS = new LogOptions(Level.DEBUG, Set.of("content-type", "content-length",
      "retry-after", "x-request-id", "request-id", "x-ratelimit-remaining", "x-ratelimit-reset"), 0);

  private final Level level;
  private final Set<String> allowedHeaders;
  private final int maxBodyBytes;

  private LogOptions(Level level, Set<String> allowedHeaders, int maxBodyBytes) {
    this.level = level;
    this.allowedHeaders = Set.copyOf(allowedHeaders);
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Everything SLF4J lets through; the headers {@code Content-Type}, {@code Content-Length}, {@code Retry-After}, the
   * request ids and rate-limit figures; no bodies.
   */
  public static LogOptions defaults() {
    return DEFAULTS;
  }

  /** The most this client logs; {@link Level#OFF} for nothing. */
  public LogOptions level(Level level) {
    return new LogOptions(Objects.requireNonNull(level, "level"), allowedHeaders, maxBodyBytes);
  }

  /** The headers logged at DEBUG, replacing the list; credential headers are dropped from it. */
  public LogOptions allowedHeaders(Set<String> names) {
    Set<String> lower = new TreeSet<>();
    for (String name : names) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    return new LogOptions(level, lower, maxBodyBytes);
  }

  /** How much of each request and response body to log at DEBUG; 0, the default, logs none. */
  public LogOptions maxBodyBytes(int maxBodyBytes) {
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must be 0 or more, was " + maxBodyBytes);
    }
    return new LogOptions(level, allowedHeaders, maxBodyBytes);
  }

  public Level level() {
    return level;
  }

  public Set<String> allowedHeaders() {
    return allowedHeaders;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Whether this client logs at {@code wanted}. */
  public boolean logs(Level wanted) {
    return wanted != Level.OFF && level.compareTo(wanted) >= 0;
  }

  @Override
  public String toString() {
    return "LogOptions{level=" + level + ", allowedHeaders=" + allowedHeaders + ", maxBodyBytes=" + maxBodyBytes
        + "}";
  }
}
