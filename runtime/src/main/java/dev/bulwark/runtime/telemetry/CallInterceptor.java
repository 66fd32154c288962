package dev.bulwark.runtime.telemetry;

import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A concern that follows every logical call of a client, blocking or asynchronous alike: told once when the call
 * starts, it gives back an {@link Observer} that hears the call's events and wraps each of its attempts. Tracing,
 * metrics and logging modules plug in here; register one with the client builder's {@code interceptor(...)}.
 *
 * <p>{@link #start} runs on the thread that makes the call, so it can read that thread's context (a current span, a
 * logging context). An observer's {@link Observer#attempt} runs on the attempt's thread and may change the request
 * (add a {@code traceparent} header); its {@link Observer#event} runs where the event happens. An interceptor or
 * observer that throws a runtime exception is logged and skipped; the call goes on.
 */
@FunctionalInterface
public interface CallInterceptor {

  /**
   * A call begins.
   *
   * @return what follows this call, or {@code null} to leave it alone
   */
  @Nullable Observer start(CallEvent.CallStarted call);

  /** Follows one logical call. */
  interface Observer {

    /** An event of the call after its start: attempts started and finished, retries, the call's end. */
    default void event(CallEvent event) {}

    /**
     * Wraps one attempt: pass the request on with {@code next.proceed(request)}, changed or not, exactly once.
     *
     * @param attempt 1 for the first attempt
     */
    default Response attempt(int attempt, Request request, Next next) throws IOException {
      return next.proceed(request);
    }

    /**
     * Wraps work the runtime does for this call on a thread other than the caller's (an asynchronous call's
     * attempts and events, the completion of its future), so that the caller's context of this concern (a current
     * span) is in place there, as the caller's logging context is.
     */
    default Runnable inCallersContext(Runnable work) {
      return work;
    }
  }

  /** The rest of an attempt. */
  @FunctionalInterface
  interface Next {
    Response proceed(Request request) throws IOException;
  }
}
