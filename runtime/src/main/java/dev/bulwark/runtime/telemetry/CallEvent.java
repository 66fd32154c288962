package dev.bulwark.runtime.telemetry;

import dev.bulwark.runtime.error.ErrorCategory;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in one logical call: it started, an attempt started or finished, a retry was scheduled,
 * the call finished. Every event carries its {@link CallInfo}; read the rest through the accessors, so that fields
 * added in later versions break no listener. Events are immutable and built only when someone listens.
 */
public sealed interface CallEvent {

  /** The call this event is about. */
  CallInfo call();

  /** A logical call begins, before its first attempt. */
  record CallStarted(CallInfo call) implements CallEvent {
    public CallStarted {
      Objects.requireNonNull(call, "call");
    }
  }

  /**
   * An attempt is about to be sent.
   *
   * @param attempt 1 for the first attempt
   * @param maxAttempts the most attempts the call's retry policy allows
   */
  record AttemptStarted(CallInfo call, int attempt, int maxAttempts) implements CallEvent {
    public AttemptStarted {
      Objects.requireNonNull(call, "call");
    }
  }

  /**
   * An attempt ended: with a response ({@code statusCode} set) or a transport failure ({@code statusCode} -1).
   *
   * @param errorCategory what kind of failure it was, or {@code null} for a 2xx or 3xx response
   * @param errorType a low-cardinality name of the failure: the status ({@code "503"}) or the exception's class
   *     ({@code "java.net.SocketTimeoutException"}); {@code null} when the attempt succeeded
   * @param requestId the server's request id, when its response carried one
   * @param failure the transport failure, when the attempt got no response
   */
  record AttemptFinished(CallInfo call, int attempt, int statusCode, @Nullable ErrorCategory errorCategory,
      @Nullable String errorType, Duration duration, @Nullable String requestId, @Nullable Throwable failure)
      implements CallEvent {
    public AttemptFinished {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * The runtime will wait {@code delay}, then send attempt {@code nextAttempt}.
   *
   * @param reason why the last attempt is retried, such as {@code "HTTP 503"} or {@code "connection failed"}
   * @param serverHint the wait the server asked for (Retry-After and the like), if it asked
   */
  record RetryScheduled(CallInfo call, int nextAttempt, Duration delay, String reason, @Nullable Duration serverHint)
      implements CallEvent {
    public RetryScheduled {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The logical call ended.
   *
   * @param statusCode the last response's status, or -1 when the last attempt got none
   * @param errorCategory why it failed, or {@code null} when it succeeded
   * @param stopReason why the runtime stopped retrying a retryable failure (such as {@code "retry budget
   *     exhausted"}), or {@code null} when it had no retry left to try or nothing to retry
   */
  record CallFinished(CallInfo call, Outcome outcome, int attempts, Duration duration, int statusCode,
      @Nullable ErrorCategory errorCategory, @Nullable String stopReason) implements CallEvent {
    public CallFinished {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /** How a logical call ended. */
  enum Outcome {
    /** A 2xx response, or a 3xx the call returns. */
    SUCCESS,
    /** Any failure: a status outside 2xx, a transport failure, a response that could not be read. */
    FAILURE,
    /** The caller cancelled it (an asynchronous call's future). */
    CANCELLED
  }
}
