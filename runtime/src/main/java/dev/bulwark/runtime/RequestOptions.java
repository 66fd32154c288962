package dev.bulwark.runtime;

import dev.bulwark.runtime.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call that override the client's: retry policy, timeouts, idempotency key, extra headers and query
 * parameters. Every generated operation has an overload that takes them.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  private final @Nullable RetryPolicy retryPolicy;
  private final @Nullable Duration callTimeout;
  private final @Nullable Duration attemptTimeout;
  private final @Nullable String idempotencyKey;
  private final @Nullable String correlationId;
  private final @Nullable Long maxResponseBodyBytes;
  private final List<ApiRequest.Parameter> headers;
  private final List<ApiRequest.Parameter> queryParameters;

  private RequestOptions(Builder builder) {
    this.retryPolicy = builder.retryPolicy;
    this.callTimeout = builder.callTimeout;
    this.attemptTimeout = builder.attemptTimeout;
    this.idempotencyKey = builder.idempotencyKey;
    this.correlationId = builder.correlationId;
    this.maxResponseBodyBytes = builder.maxResponseBodyBytes;
    this.headers = List.copyOf(builder.headers);
    this.queryParameters = List.copyOf(builder.queryParameters);
  }

  /** No overrides. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The retry policy for this call: the values set on it win over the client's and the spec's, the others stay
   * theirs; {@code null} keeps them all.
   */
  public @Nullable RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The bound on this whole call, replacing the client's; {@code null} keeps the client's. */
  public @Nullable Duration callTimeout() {
    return callTimeout;
  }

  /** The bound on each attempt, replacing the client's; {@code null} keeps the client's. */
  public @Nullable Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** The idempotency key to send, replacing a generated one; {@code null} lets the runtime generate one. */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  /** The call's correlation id, when the caller gives one; otherwise the runtime makes one. */
  public @Nullable String correlationId() {
    return correlationId;
  }

  /** The largest response body this call reads into memory, replacing the client's; {@code null} keeps it. */
  public @Nullable Long maxResponseBodyBytes() {
    return maxResponseBodyBytes;
  }

  /** Headers added to the request. */
  public List<ApiRequest.Parameter> headers() {
    return headers;
  }

  /** Query parameters added to the request. */
  public List<ApiRequest.Parameter> queryParameters() {
    return queryParameters;
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private @Nullable RetryPolicy retryPolicy;
    private @Nullable Duration callTimeout;
    private @Nullable Duration attemptTimeout;
    private @Nullable String idempotencyKey;
    private @Nullable String correlationId;
    private @Nullable Long maxResponseBodyBytes;
    private final List<ApiRequest.Parameter> headers = new ArrayList<>();
    private final List<ApiRequest.Parameter> queryParameters = new ArrayList<>();

    private Builder() {}

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Shorthand for a policy of one attempt. */
    public Builder noRetries() {
      this.retryPolicy = RetryPolicy.none();
      return this;
    }

    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = positive(callTimeout, "callTimeout");
      return this;
    }

    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
      return this;
    }

    /**
     * The idempotency key for this call; it is sent on every attempt, and makes a POST or PATCH safe to retry when
     * the operation declares an idempotency key header.
     */
    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      return this;
    }

    /**
     * The call's correlation id, sent on every attempt and named in its events, logs and exception: to carry an id
     * from an incoming request on to this call. By default each call gets a new random one.
     */
    public Builder correlationId(String correlationId) {
      this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
      return this;
    }

    /**
     * The largest response body this call reads into memory (a JSON, text or error body); a larger one fails the
     * call with a {@link dev.bulwark.runtime.error.ResponseNotUnderstoodException} naming the limit. Streamed
     * downloads and event streams are not bounded.
     */
    public Builder maxResponseBodyBytes(long maxResponseBodyBytes) {
      this.maxResponseBodyBytes = ClientRuntime.positiveLimit(maxResponseBodyBytes);
      return this;
    }

    /**
     * Adds a header to the request, replacing one of the same name. A {@code Content-Type} header also sets the media
     * type a JSON, text or binary body is sent as: for an operation whose spec accepts several, such as a PATCH that
     * takes {@code application/merge-patch+json} or {@code application/strategic-merge-patch+json}.
     *
     * @throws IllegalArgumentException if the name or value is not a legal header (a line break, say), or a
     *     {@code Content-Type} is not a media type
     */
    public Builder header(String name, String value) {
      dev.bulwark.runtime.auth.HeaderValues.requireLegal(name, value, "the value of header " + name);
      if (name.equalsIgnoreCase("Content-Type")) {
        okhttp3.MediaType.get(value);
      }
      headers.add(new ApiRequest.Parameter(name, value));
      return this;
    }

    /** Adds a query parameter to the request, after the operation's own. */
    public Builder queryParameter(String name, String value) {
      queryParameters.add(new ApiRequest.Parameter(name, value));
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive; was " + value);
      }
      return value;
    }
  }
}
