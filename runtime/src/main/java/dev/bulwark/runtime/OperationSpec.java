package dev.bulwark.runtime;

import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the spec says about one operation, fixed at generation time: its id, HTTP method, URL template, the security
 * schemes it accepts, whether it is safe to repeat, and the retry and timeout policies its spec extensions set.
 * Generated services hold one constant per operation; the runtime reads it on every call.
 */
public final class OperationSpec {
  private final String operationId;
  private final String method;
  private final String pathTemplate;
  private final List<String> securitySchemes;
  private final boolean idempotent;
  private final @Nullable String idempotencyKeyHeader;
  private final RetryPolicy retryPolicy;
  private final TimeoutPolicy timeouts;
  private final Map<String, Type> errorTypes;
  private final Map<String, Type> successTypes;
  private final @Nullable ErrorEnvelope errorEnvelope;
  private final @Nullable String server;

  private OperationSpec(Builder builder) {
    this.operationId = builder.operationId;
    this.method = builder.method;
    this.pathTemplate = builder.pathTemplate;
    this.securitySchemes = List.copyOf(builder.securitySchemes);
    this.idempotent = builder.idempotent != null ? builder.idempotent : IDEMPOTENT_METHODS.contains(method);
    this.idempotencyKeyHeader = builder.idempotencyKeyHeader;
    this.retryPolicy = builder.retryPolicy;
    this.timeouts = builder.timeouts;
    this.errorTypes = Map.copyOf(builder.errorTypes);
    this.successTypes = Map.copyOf(builder.successTypes);
    this.errorEnvelope = builder.errorEnvelope;
    this.server = builder.server;
  }

  /** The methods RFC 9110 defines as idempotent. */
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  /**
   * Starts the description of an operation.
   *
   * @param operationId the spec's {@code operationId} (or the name the generator derived)
   * @param method the HTTP method in upper case
   * @param pathTemplate the path as the spec writes it, for example {@code /pets/{petId}}
   */
  @dev.bulwark.runtime.internal.ForGeneratedCode
  public static Builder builder(String operationId, String method, String pathTemplate) {
    return new Builder(operationId, method, pathTemplate);
  }

  /** The spec's {@code operationId}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP method in upper case. */
  public String method() {
    return method;
  }

  /** The path as the spec writes it, with {@code {name}} placeholders. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * The names of the security schemes whose credentials this operation sends, as the client builder registered them.
   * Empty when the operation needs no credentials.
   */
  public List<String> securitySchemes() {
    return securitySchemes;
  }

  /**
   * Whether repeating the call cannot change the outcome: true for GET, HEAD, OPTIONS, PUT and DELETE unless the spec
   * says otherwise, false for POST and PATCH unless the spec marks the operation idempotent.
   */
  public boolean idempotent() {
    return idempotent;
  }

  /** The header that carries the operation's idempotency key, or {@code null} when it has none. */
  public @Nullable String idempotencyKeyHeader() {
    return idempotencyKeyHeader;
  }

  /** The retry policy the spec sets for this operation (the runtime defaults where it sets none). */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The timeouts the spec sets for this operation (the runtime defaults where it sets none). */
  public TimeoutPolicy timeouts() {
    return timeouts;
  }

  /**
   * The type the spec declares for an error response with this status: for the exact code ({@code 404}), else its
   * class ({@code 4XX}), else {@code default}; {@code null} when it declares none.
   */
  public @Nullable Type errorType(int status) {
    Type exact = errorTypes.get(String.valueOf(status));
    if (exact != null) {
      return exact;
    }
    Type range = errorTypes.get((status / 100) + "XX");
    return range != null ? range : errorTypes.get("default");
  }

  /**
   * The body type of a success status, for operations whose 2xx responses declare different types; {@code null}
   * when the status has none.
   */
  public @Nullable Type successType(int status) {
    Type exact = successTypes.get(String.valueOf(status));
    return exact != null ? exact : successTypes.get("2XX");
  }

  /** Where the API puts its error code and message ({@code x-bulwark-error}), or {@code null}. */
  public @Nullable ErrorEnvelope errorEnvelope() {
    return errorEnvelope;
  }

  /**
   * The server the spec names for this operation or its path (absolute, or relative to the client's base URL), or
   * {@code null} to use the client's base URL.
   */
  public @Nullable String server() {
    return server;
  }

  @Override
  public String toString() {
    return operationId + " (" + method + " " + pathTemplate + ")";
  }

  /** Builds an {@link OperationSpec}. */
  public static final class Builder {
    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private List<String> securitySchemes = List.of();
    private @Nullable Boolean idempotent;
    private @Nullable String idempotencyKeyHeader;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private TimeoutPolicy timeouts = TimeoutPolicy.defaults();
    private final Map<String, Type> errorTypes = new HashMap<>();
    private final Map<String, Type> successTypes = new HashMap<>();
    private @Nullable ErrorEnvelope errorEnvelope;
    private @Nullable String server;

    private Builder(String operationId, String method, String pathTemplate) {
      this.operationId = Objects.requireNonNull(operationId, "operationId");
      this.method = Objects.requireNonNull(method, "method");
      this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    }

    /** The security schemes whose credentials the operation sends, where the client has them. */
    public Builder securitySchemes(String... schemeNames) {
      this.securitySchemes = List.of(schemeNames);
      return this;
    }

    /** Overrides the method's idempotency, as the spec's {@code x-bulwark-idempotent} does. */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** Sends an idempotency key in this header, the same on every attempt of a call. */
    public Builder idempotencyKeyHeader(String header) {
      this.idempotencyKeyHeader = Objects.requireNonNull(header, "header");
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    public Builder timeouts(TimeoutPolicy timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /**
     * The type of the error body for a status: a code ({@code "404"}), a class ({@code "4XX"}) or
     * {@code "default"}.
     */
    public Builder errorType(String status, Type type) {
      errorTypes.put(status.toUpperCase(java.util.Locale.ROOT).equals("DEFAULT") ? "default"
          : status.toUpperCase(java.util.Locale.ROOT), Objects.requireNonNull(type, "type"));
      return this;
    }

    /** The body type of one success status ({@code "201"} or {@code "2XX"}), where statuses declare different ones. */
    public Builder successType(String status, Type type) {
      successTypes.put(status.toUpperCase(java.util.Locale.ROOT), Objects.requireNonNull(type, "type"));
      return this;
    }

    public Builder errorEnvelope(ErrorEnvelope errorEnvelope) {
      this.errorEnvelope = Objects.requireNonNull(errorEnvelope, "errorEnvelope");
      return this;
    }

    /** The operation's own server; see {@link OperationSpec#server()}. */
    public Builder server(String server) {
      this.server = Objects.requireNonNull(server, "server");
      return this;
    }

    public OperationSpec build() {
      return new OperationSpec(this);
    }
  }
}
