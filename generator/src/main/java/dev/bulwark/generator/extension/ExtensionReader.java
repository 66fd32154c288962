package dev.bulwark.generator.extension;

import dev.bulwark.generator.SpecProblem;
import dev.bulwark.generator.model.ErrorModel;
import dev.bulwark.generator.model.RetrySettings;
import dev.bulwark.generator.model.TimeoutSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the resilience extensions of one level of a spec (root, path item or operation) into typed settings,
 * collecting every invalid value as a {@link SpecProblem} that names its JSON pointer. One reader serves one spec.
 */
public final class ExtensionReader {
  public static final String RETRY = "x-bulwark-retry";
  public static final String TIMEOUT = "x-bulwark-timeout";
  public static final String IDEMPOTENT = "x-bulwark-idempotent";
  public static final String IDEMPOTENCY_KEY = "x-bulwark-idempotency-key";
  public static final String SPEAKEASY_RETRIES = "x-speakeasy-retries";
  public static final String ERROR = "x-bulwark-error";
  private static final Set<String> KNOWN = Set.of(RETRY, TIMEOUT, IDEMPOTENT, IDEMPOTENCY_KEY, ERROR,
      PaginationReader.PAGINATION, StreamReader.STREAM);
  private static final Set<String> RETRY_KEYS = Set.of("maxAttempts", "initialDelay", "maxDelay", "multiplier",
      "jitter", "maxElapsed", "retryOn", "maxRetryAfter");
  private static final Set<String> TIMEOUT_KEYS = Set.of("connect", "read", "write", "attempt", "call");
  private static final String DEFAULT_KEY_HEADER = "Idempotency-Key";

  /** Where an extension sits, which decides which extensions are allowed. */
  public enum Level {
    ROOT,
    PATH,
    OPERATION
  }

  /**
   * The settings one level declares.
   *
   * @param idempotencyKey empty when the level says nothing; a header name, or empty string for "disabled"
   */
  public record LevelSettings(
      RetrySettings retry, TimeoutSettings timeouts, Optional<Boolean> idempotent, Optional<String> idempotencyKey,
      Optional<ErrorModel.Envelope> errorEnvelope) {}

  private final String file;
  private final List<SpecProblem> errors = new ArrayList<>();

  public ExtensionReader(String file) {
    this.file = file;
  }

  /** Records an invalid extension value that a later stage found (a pointer that leads nowhere, say). */
  public void problem(String pointer, String message) {
    error(pointer, "", message);
  }

  /** Every invalid extension value met so far. */
  public List<SpecProblem> errors() {
    return List.copyOf(errors);
  }

  public LevelSettings read(Map<String, Object> extensions, String pointer, Level level) {
    if (extensions == null || extensions.isEmpty()) {
      return new LevelSettings(RetrySettings.NONE, TimeoutSettings.NONE, Optional.empty(), Optional.empty(),
          Optional.empty());
    }
    for (String key : extensions.keySet()) {
      if (key.startsWith("x-bulwark-") && !KNOWN.contains(key)) {
        error(pointer, key, "unknown extension" + suggestion(key, KNOWN));
      }
    }
    RetrySettings retry = RetrySettings.NONE;
    TimeoutSettings timeouts = TimeoutSettings.NONE;
    if (extensions.containsKey(SPEAKEASY_RETRIES)) {
      retry = speakeasy(extensions.get(SPEAKEASY_RETRIES), child(pointer, SPEAKEASY_RETRIES));
      timeouts = speakeasyElapsed(extensions.get(SPEAKEASY_RETRIES));
    }
    if (extensions.containsKey(RETRY)) {
      String at = child(pointer, RETRY);
      retry = retry.overriddenBy(retry(extensions.get(RETRY), at));
      timeouts = timeouts.overriddenBy(maxElapsed(extensions.get(RETRY), at));
    }
    if (extensions.containsKey(TIMEOUT)) {
      timeouts = timeouts.overriddenBy(timeouts(extensions.get(TIMEOUT), child(pointer, TIMEOUT)));
    }
    Optional<Boolean> idempotent = Optional.empty();
    if (extensions.containsKey(IDEMPOTENT)) {
      String at = child(pointer, IDEMPOTENT);
      if (level != Level.OPERATION) {
        error(at, "", "belongs on an operation, where it overrides what the HTTP method implies");
      } else if (extensions.get(IDEMPOTENT) instanceof Boolean value) {
        idempotent = Optional.of(value);
      } else {
        error(at, "", "must be true or false; was " + describe(extensions.get(IDEMPOTENT)));
      }
    }
    Optional<String> key = extensions.containsKey(IDEMPOTENCY_KEY)
        ? idempotencyKey(extensions.get(IDEMPOTENCY_KEY), child(pointer, IDEMPOTENCY_KEY))
        : Optional.empty();
    Optional<ErrorModel.Envelope> envelope = extensions.containsKey(ERROR)
        ? envelope(extensions.get(ERROR), child(pointer, ERROR))
        : Optional.empty();
    return new LevelSettings(retry, timeouts, idempotent, key, envelope);
  }

  private Optional<ErrorModel.Envelope> envelope(Object value, String pointer) {
    Map<String, Object> map = object(value, pointer, "an object with code, message and details");
    if (map == null) {
      return Optional.empty();
    }
    unknownKeys(map, Set.of("code", "message", "details"), pointer);
    Function<Object, String> location = v -> v instanceof String text
        && (text.isEmpty() || text.startsWith("/") || text.startsWith("header:")) ? text : null;
    String expected = "a JSON pointer such as /error/code, or header: and a header name";
    return Optional.of(new ErrorModel.Envelope(field(map, "code", pointer, location, expected),
        field(map, "message", pointer, location, expected), field(map, "details", pointer, location, expected)));
  }

  private RetrySettings retry(Object value, String pointer) {
    if (value instanceof Boolean enabled) {
      return new RetrySettings(Optional.of(!enabled), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
    Map<String, Object> map = object(value, pointer, "false, true or an object with " + new TreeSet<>(RETRY_KEYS));
    if (map == null) {
      return RetrySettings.NONE;
    }
    unknownKeys(map, RETRY_KEYS, pointer);
    Optional<Integer> maxAttempts = field(map, "maxAttempts", pointer, v -> v instanceof Integer n && n >= 1
        ? n : null, "a whole number of at least 1 (1 means no retries)");
    Optional<Double> multiplier = field(map, "multiplier", pointer, v -> v instanceof Number n
        && n.doubleValue() >= 1 ? n.doubleValue() : null, "a number of at least 1");
    Optional<String> jitter = field(map, "jitter", pointer, v -> v instanceof String s
        && Set.of("full", "equal", "none").contains(s.toLowerCase(Locale.ROOT)) ? s.toLowerCase(Locale.ROOT) : null,
        "one of full, equal, none");
    Optional<Set<Integer>> statuses = Optional.empty();
    Optional<Boolean> connection = Optional.empty();
    Optional<Boolean> timeout = Optional.empty();
    if (map.containsKey("retryOn")) {
      RetryOn retryOn = retryOn(map.get("retryOn"), child(pointer, "retryOn"));
      statuses = Optional.of(retryOn.statuses);
      connection = Optional.of(retryOn.connection);
      timeout = Optional.of(retryOn.timeout);
    }
    return new RetrySettings(
        Optional.of(false),
        maxAttempts,
        duration(map, "initialDelay", pointer),
        duration(map, "maxDelay", pointer),
        multiplier,
        jitter,
        statuses,
        connection,
        timeout,
        duration(map, "maxRetryAfter", pointer));
  }

  private TimeoutSettings maxElapsed(Object value, String pointer) {
    if (value instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      Optional<Duration> call = duration(map, "maxElapsed", pointer);
      return new TimeoutSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), call);
    }
    return TimeoutSettings.NONE;
  }

  private TimeoutSettings timeouts(Object value, String pointer) {
    Map<String, Object> map = object(value, pointer, "an object with " + new TreeSet<>(TIMEOUT_KEYS));
    if (map == null) {
      return TimeoutSettings.NONE;
    }
    unknownKeys(map, TIMEOUT_KEYS, pointer);
    return new TimeoutSettings(duration(map, "connect", pointer), duration(map, "read", pointer),
        duration(map, "write", pointer), duration(map, "attempt", pointer), duration(map, "call", pointer));
  }

  private Optional<String> idempotencyKey(Object value, String pointer) {
    if (Boolean.FALSE.equals(value)) {
      return Optional.of("");
    }
    if (Boolean.TRUE.equals(value)) {
      return Optional.of(DEFAULT_KEY_HEADER);
    }
    Map<String, Object> map = object(value, pointer, "false, true or {header: Idempotency-Key}");
    if (map == null) {
      return Optional.empty();
    }
    unknownKeys(map, Set.of("header"), pointer);
    Object header = map.getOrDefault("header", DEFAULT_KEY_HEADER);
    if (!(header instanceof String name) || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      error(child(pointer, "header"), "", "must be an HTTP header name; was " + describe(header));
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** {@code x-speakeasy-retries}, mapped onto the same settings so that Speakeasy users keep their specs. */
  private RetrySettings speakeasy(Object value, String pointer) {
    Map<String, Object> map = object(value, pointer, "an object with strategy, backoff, statusCodes");
    if (map == null) {
      return RetrySettings.NONE;
    }
    Optional<Set<Integer>> statuses = Optional.empty();
    if (map.get("statusCodes") instanceof List<?>) {
      statuses = Optional.of(retryOn(map.get("statusCodes"), child(pointer, "statusCodes")).statuses);
    }
    Optional<Boolean> connection = map.get("retryConnectionErrors") instanceof Boolean b
        ? Optional.of(b) : Optional.empty();
    Optional<Duration> initial = Optional.empty();
    Optional<Duration> max = Optional.empty();
    Optional<Double> multiplier = Optional.empty();
    if (map.get("backoff") instanceof Map<?, ?> backoff) {
      initial = millis(backoff.get("initialInterval"));
      max = millis(backoff.get("maxInterval"));
      multiplier = backoff.get("exponent") instanceof Number n ? Optional.of(Math.max(1.0, n.doubleValue()))
          : Optional.empty();
    }
    boolean backoffStrategy = "backoff".equals(map.get("strategy"));
    return new RetrySettings(Optional.of(!backoffStrategy), Optional.empty(), initial, max, multiplier,
        Optional.empty(), statuses, connection, Optional.empty(), Optional.empty());
  }

  private static TimeoutSettings speakeasyElapsed(Object value) {
    if (value instanceof Map<?, ?> map && map.get("backoff") instanceof Map<?, ?> backoff) {
      return new TimeoutSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          millis(backoff.get("maxElapsedTime")));
    }
    return TimeoutSettings.NONE;
  }

  private static Optional<Duration> millis(Object value) {
    return value instanceof Number n && n.longValue() > 0 ? Optional.of(Duration.ofMillis(n.longValue()))
        : Optional.empty();
  }

  private record RetryOn(Set<Integer> statuses, boolean connection, boolean timeout) {}

  private RetryOn retryOn(Object value, String pointer) {
    Set<Integer> statuses = new TreeSet<>();
    boolean connection = false;
    boolean timeout = false;
    if (!(value instanceof List<?> list)) {
      error(pointer, "", "must be a list of status codes (503), ranges (5XX), connection or timeout; was "
          + describe(value));
      return new RetryOn(Set.of(), false, false);
    }
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      String text = String.valueOf(item).trim();
      if (item instanceof Integer code && code >= 100 && code <= 599) {
        statuses.add(code);
      } else if (text.matches("[1-5]\\d\\d")) {
        statuses.add(Integer.parseInt(text));
      } else if (text.matches("[1-5][xX][xX]")) {
        int base = (text.charAt(0) - '0') * 100;
        for (int code = base; code < base + 100; code++) {
          statuses.add(code);
        }
      } else if (text.equalsIgnoreCase("connection")) {
        connection = true;
      } else if (text.equalsIgnoreCase("timeout")) {
        timeout = true;
      } else {
        error(pointer + "/" + i, "", "'" + text + "' is not a status code (503), a range (5XX), connection or"
            + " timeout");
      }
    }
    return new RetryOn(Set.copyOf(statuses), connection, timeout);
  }

  private Optional<Duration> duration(Map<String, Object> map, String key, String pointer) {
    return field(map, key, pointer, v -> v instanceof String text ? Durations.parse(text).orElse(null) : null,
        "a duration such as 250ms, 2s, 1m or PT2S");
  }

  private <T> Optional<T> field(
      Map<String, Object> map, String key, String pointer, Function<Object, T> parse, String expected) {
    if (!map.containsKey(key)) {
      return Optional.empty();
    }
    Object raw = map.get(key);
    T value = raw == null ? null : parse.apply(raw);
    if (value == null) {
      error(child(pointer, key), "", "must be " + expected + "; was " + describe(raw));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object(Object value, String pointer, String expected) {
    if (value instanceof Map<?, ?>) {
      return (Map<String, Object>) value;
    }
    error(pointer, "", "must be " + expected + "; was " + describe(value));
    return null;
  }

  void unknownKeys(Map<String, Object> map, Set<String> known, String pointer) {
    for (String key : map.keySet()) {
      if (!known.contains(key)) {
        error(child(pointer, key), "", "unknown setting" + suggestion(key, known) + "; known: "
            + new TreeSet<>(known));
      }
    }
  }

  void error(String pointer, String key, String message) {
    String at = key.isEmpty() ? pointer : child(pointer, key);
    errors.add(new SpecProblem(file, at, OptionalInt.empty(), message));
  }

  static String child(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  static String describe(Object value) {
    return value instanceof String ? "'" + value + "'" : String.valueOf(value);
  }

  /** ", did you mean 'maxAttempts'?" for a name within a few edits of a known one. */
  static String suggestion(String name, Set<String> known) {
    return dev.bulwark.generator.naming.Suggestions.nearest(name, known, 3)
        .map(k -> ", did you mean '" + k + "'?")
        .orElse("");
  }
}
