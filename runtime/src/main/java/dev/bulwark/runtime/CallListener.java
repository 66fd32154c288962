package dev.bulwark.runtime;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Hears about every attempt, wait and give-up of every call of a client. Implement only the methods you need. A
 * listener that throws never breaks a call: the exception is logged and the call goes on.
 *
 * <p>Methods run on the calling thread, between attempts; keep them quick. For one kind of event, the factories take a
 * lambda (SAM-convertible from Kotlin): {@code CallListener.onRetry((operation, attempt, delay, reason, hint) -> ...)}.
 */
public interface CallListener {

  /** A listener that hears only retries. */
  static CallListener onRetry(RetryScheduled action) {
    java.util.Objects.requireNonNull(action, "action");
    return new CallListener() {
      @Override
      public void retryScheduled(OperationSpec operation, int nextAttempt, Duration delay, String reason,
          @Nullable Duration serverHint) {
        action.retryScheduled(operation, nextAttempt, delay, reason, serverHint);
      }
    };
  }

  /** A listener that hears only finished attempts. */
  static CallListener onAttemptFinished(AttemptFinished action) {
    java.util.Objects.requireNonNull(action, "action");
    return new CallListener() {
      @Override
      public void attemptFinished(OperationSpec operation, int attempt, int statusCode, @Nullable Throwable failure,
          Duration duration) {
        action.attemptFinished(operation, attempt, statusCode, failure, duration);
      }
    };
  }

  /** A listener that hears only give-ups. */
  static CallListener onGaveUp(GaveUp action) {
    java.util.Objects.requireNonNull(action, "action");
    return new CallListener() {
      @Override
      public void gaveUp(OperationSpec operation, int attempts, String reason) {
        action.gaveUp(operation, attempts, reason);
      }
    };
  }

  /** {@link #retryScheduled} as a lambda. */
  @FunctionalInterface
  interface RetryScheduled {
    void retryScheduled(OperationSpec operation, int nextAttempt, Duration delay, String reason,
        @Nullable Duration serverHint);
  }

  /** {@link #attemptFinished} as a lambda. */
  @FunctionalInterface
  interface AttemptFinished {
    void attemptFinished(OperationSpec operation, int attempt, int statusCode, @Nullable Throwable failure,
        Duration duration);
  }

  /** {@link #gaveUp} as a lambda. */
  @FunctionalInterface
  interface GaveUp {
    void gaveUp(OperationSpec operation, int attempts, String reason);
  }

  /** An attempt is about to be sent; {@code attempt} is 1 for the first. */
  default void attemptStarted(OperationSpec operation, int attempt) {}

  /**
   * An attempt ended with a response ({@code statusCode} set, {@code failure} null) or a transport failure
   * ({@code statusCode} -1).
   */
  default void attemptFinished(
      OperationSpec operation, int attempt, int statusCode, @Nullable Throwable failure, Duration duration) {}

  /**
   * The runtime will wait {@code delay}, then send attempt {@code nextAttempt}.
   *
   * @param reason why the last attempt is retried, such as {@code "HTTP 503"} or {@code "connection failed"}
   * @param serverHint the wait the server asked for, if it asked
   */
  default void retryScheduled(
      OperationSpec operation, int nextAttempt, Duration delay, String reason, @Nullable Duration serverHint) {}

  /**
   * The call ends with a failure that will not be retried although the failure was of a retryable kind.
   *
   * @param reason why, such as {@code "max attempts reached"} or {@code "retry budget exhausted"}
   */
  default void gaveUp(OperationSpec operation, int attempts, String reason) {}
}
