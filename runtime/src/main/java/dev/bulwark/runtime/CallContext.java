package dev.bulwark.runtime;

import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import java.time.Duration;

/** The state of one logical call across its attempts: its resolved policies, its deadline and how it ended. */
final class CallContext {
  /** Why a call stopped short of retrying, when that matters to the exception it ends with. */
  enum Stop {
    NONE,
    DEADLINE,
    BUDGET,
    OUTCOME_UNKNOWN
  }

  final ApiRequest call;
  final RetryPolicy retryPolicy;
  final TimeoutPolicy timeouts;
  final boolean safeToRepeat;
  final long startNanos;
  final long deadlineNanos;
  /** How the response body is read: buffered whole (the usual), or streamed as events or raw bytes. */
  enum Body {
    BUFFERED,
    EVENTS,
    STREAMED
  }

  final Body responseBody;
  /** Whether the request body can be read only once (a stream): then it cannot be sent again. */
  final boolean oneShotBody;
  volatile int attempts;
  volatile Stop stop = Stop.NONE;
  /** The idempotency key sent with every attempt, or {@code null} when the call carries none. */
  final @org.jspecify.annotations.Nullable String idempotencyKey;
  /** The largest body read into memory: a buffered response, an error body. */
  long maxBodyBytes = ClientRuntime.DEFAULT_MAX_RESPONSE_BODY_BYTES;
  /** Whether the last attempt's request began to be written: if not, the server never saw it. */
  volatile boolean lastAttemptSent;
  /**
   * Whether some attempt may have been applied by the server: it was sent and ended without an answer that says it was
   * not (a transport failure, a timeout, a 5xx other than 503).
   */
  volatile boolean possiblyApplied;
  /** Who follows the call: its events and the observers of its attempts. */
  CallEvents events;
  /** The id every attempt of the call carries, in its correlation header when one is sent. */
  final String correlationId;
  /** Whether each attempt tells the server its number ({@code Bulwark-Attempt: attempt=2; max=4}). */
  boolean attemptHeader;
  /** Why the runtime stopped retrying a retryable failure, for the call's end; {@code null} when it did not. */
  volatile @org.jspecify.annotations.Nullable String stopReason;
  /** The HTTP call of the attempt in flight, so that cancelling an asynchronous call can cancel it. */
  volatile okhttp3.@org.jspecify.annotations.Nullable Call inFlight;

  CallContext(ApiRequest call, RetryPolicy retryPolicy, TimeoutPolicy timeouts, boolean safeToRepeat, long startNanos,
      Body responseBody, boolean oneShotBody, @org.jspecify.annotations.Nullable String idempotencyKey,
      String correlationId, CallEvents events) {
    this.correlationId = correlationId;
    this.events = events;
    this.idempotencyKey = idempotencyKey;
    this.responseBody = responseBody;
    this.oneShotBody = oneShotBody;
    this.call = call;
    this.retryPolicy = retryPolicy;
    this.timeouts = timeouts;
    this.safeToRepeat = safeToRepeat;
    this.startNanos = startNanos;
    this.deadlineNanos = startNanos + timeouts.call().toNanos();
  }

  Duration remaining(long nowNanos) {
    return Duration.ofNanos(deadlineNanos - nowNanos);
  }
}
