package dev.bulwark.runtime;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Hears about every attempt, wait and give-up of every call of a client. Implement only the methods you need. A
 * listener that throws never breaks a call: the exception is logged and the call goes on.
 *
 * <p>Methods run on the calling thread, between attempts; keep them quick.
 */
public interface CallListener {

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
