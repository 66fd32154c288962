package dev.bulwark.runtime;

import dev.bulwark.runtime.error.ErrorCategory;
import dev.bulwark.runtime.telemetry.CallEvent;
import dev.bulwark.runtime.telemetry.CallInfo;
import dev.bulwark.runtime.telemetry.CallInterceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The events of one logical call and the observers that follow it: the one place a call's events are built and
 * handed out, for blocking and asynchronous calls alike. Where nobody follows the call, no event is built. The
 * caller's logging context (MDC) is captured when the call starts and is in place for every event and attempt, on
 * whatever thread they run.
 */
final class CallEvents {
  private static final Logger LOG = LoggerFactory.getLogger(CallEvents.class);

  private final CallInfo info;
  private final OperationSpec operation;
  private final List<CallInterceptor.Observer> observers;
  private final List<CallListener> legacy;
  private final @Nullable Map<String, String> callerMdc;
  private final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();

  private CallEvents(CallInfo info, OperationSpec operation, List<CallInterceptor.Observer> observers,
      List<CallListener> legacy, @Nullable Map<String, String> callerMdc) {
    this.info = info;
    this.operation = operation;
    this.observers = observers;
    this.legacy = legacy;
    this.callerMdc = callerMdc;
  }

  /** A call nobody follows: no events, no observers, no logging context carried. */
  static final CallEvents NONE = new CallEvents(
      new CallInfo("", "", "", "", "", 0, ""), OperationSpec.builder("", "GET", "/").build(), List.of(), List.of(),
      null);

  /** Starts following a call: each interceptor is asked, on the caller's thread, whether it follows it. */
  @SuppressWarnings("deprecation")
  static CallEvents start(CallInfo info, OperationSpec operation, List<CallInterceptor> interceptors,
      List<CallListener> legacy) {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    if (interceptors.isEmpty()) {
      return new CallEvents(info, operation, List.of(), legacy, mdc);
    }
    CallEvent.CallStarted started = new CallEvent.CallStarted(info);
    List<CallInterceptor.Observer> observers = new ArrayList<>(interceptors.size());
    for (CallInterceptor interceptor : interceptors) {
      try {
        CallInterceptor.Observer observer = interceptor.start(started);
        if (observer != null) {
          observers.add(observer);
        }
      } catch (RuntimeException e) {
        LOG.warn("call interceptor {} failed at the start of {}; the call goes on without it",
            interceptor.getClass().getName(), info.operationId(), e);
      }
    }
    return new CallEvents(info, operation, List.copyOf(observers), legacy, mdc);
  }

  CallInfo info() {
    return info;
  }

  private boolean silent() {
    return observers.isEmpty() && legacy.isEmpty();
  }

  @SuppressWarnings("deprecation")
  void attemptStarted(int attempt, int maxAttempts) {
    if (silent()) {
      return;
    }
    emit(new CallEvent.AttemptStarted(info, attempt, maxAttempts));
    legacy(listener -> listener.attemptStarted(operation, attempt));
  }

  @SuppressWarnings("deprecation")
  void attemptFinished(int attempt, @Nullable Response response, @Nullable IOException failure, Duration took) {
    if (silent()) {
      return;
    }
    int status = response == null ? -1 : response.code();
    ErrorCategory category = response != null ? (status < 400 ? null : ErrorCategory.ofStatus(status)) : category(failure);
    String errorType = response != null ? (status < 400 ? null : String.valueOf(status))
        : failure == null ? null : failure.getClass().getName();
    String requestId = response == null ? null : requestId(response);
    emit(new CallEvent.AttemptFinished(info, attempt, status, category, errorType, took, requestId, failure));
    legacy(listener -> listener.attemptFinished(operation, attempt, status, failure, took));
  }

  @SuppressWarnings("deprecation")
  void retryScheduled(int nextAttempt, Duration delay, String reason, @Nullable Duration hint) {
    if (silent()) {
      return;
    }
    emit(new CallEvent.RetryScheduled(info, nextAttempt, delay, reason, hint));
    legacy(listener -> listener.retryScheduled(operation, nextAttempt, delay, reason, hint));
  }

  /** A retryable failure the runtime stops retrying; the call's end follows. */
  @SuppressWarnings("deprecation")
  void gaveUp(int attempts, String reason) {
    legacy(listener -> listener.gaveUp(operation, attempts, reason));
  }

  void callFinished(CallEvent.Outcome outcome, int attempts, Duration took, int status,
      @Nullable ErrorCategory category, @Nullable String stopReason) {
    // Told once: a cancelled asynchronous call may also end its attempt in flight.
    if (observers.isEmpty() || !finished.compareAndSet(false, true)) {
      return;
    }
    emit(new CallEvent.CallFinished(info, outcome, attempts, took, status, category, stopReason));
  }

  /** The category of an attempt's transport failure. */
  static @Nullable ErrorCategory category(@Nullable IOException failure) {
    if (failure == null) {
      return null;
    }
    if (failure instanceof TransportStep.BodyTooLarge) {
      return ErrorCategory.RESPONSE_NOT_UNDERSTOOD;
    }
    if (failure instanceof RedirectStep.Refused) {
      return ErrorCategory.UNEXPECTED_STATUS;
    }
    if (failure instanceof dev.bulwark.runtime.auth.CredentialsException) {
      return ErrorCategory.UNAUTHORIZED;
    }
    return failure instanceof java.io.InterruptedIOException ? ErrorCategory.TIMEOUT : ErrorCategory.CONNECTION;
  }

  /** The server's request id, from the first of the usual headers its response carries. */
  static @Nullable String requestId(Response response) {
    for (String name : ErrorNormalizer.REQUEST_ID_HEADERS) {
      String value = response.header(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Sends one attempt through every observer's {@code attempt}, in order, and then on to {@code last}. */
  Response attempt(int attempt, Request request, CallInterceptor.Next last) throws IOException {
    if (observers.isEmpty()) {
      return last.proceed(request);
    }
    return withCallerMdc(() -> step(0, attempt, request, last));
  }

  private Response step(int index, int attempt, Request request, CallInterceptor.Next last) throws IOException {
    if (index == observers.size()) {
      return last.proceed(request);
    }
    CallInterceptor.Observer observer = observers.get(index);
    CallInterceptor.Next next = forwarded -> step(index + 1, attempt, forwarded, last);
    Proceeded proceeded = new Proceeded(next);
    try {
      return observer.attempt(attempt, request, proceeded);
    } catch (RuntimeException e) {
      LOG.warn("call interceptor {} failed around attempt {} of {}; the call goes on without it",
          observer.getClass().getName(), attempt, info.operationId(), e);
      // Whatever the observer did not send yet is sent without it; what it sent stands.
      return proceeded.response != null ? proceeded.response : next.proceed(request);
    }
  }

  /** The rest of an attempt, remembering its response in case the observer fails after it. */
  private static final class Proceeded implements CallInterceptor.Next {
    private final CallInterceptor.Next next;
    private @Nullable Response response;

    Proceeded(CallInterceptor.Next next) {
      this.next = next;
    }

    @Override
    public Response proceed(Request request) throws IOException {
      response = next.proceed(request);
      return response;
    }
  }

  /** Runs {@code action} with the caller's logging context in place, and the thread's own restored after. */
  <T> T withCallerMdc(IoSupplier<T> action) throws IOException {
    if (this == NONE) {
      return action.get();
    }
    Map<String, String> own = MDC.getCopyOfContextMap();
    boolean same = java.util.Objects.equals(own, callerMdc);
    if (!same) {
      setMdc(callerMdc);
    }
    try {
      return action.get();
    } finally {
      if (!same) {
        setMdc(own);
      }
    }
  }

  /**
   * Runs work of an asynchronous call on another thread with the caller's context in place: its logging context,
   * and what each observer keeps of it ({@link CallInterceptor.Observer#inCallersContext}).
   */
  void runWithCallerMdc(Runnable action) {
    Runnable work = action;
    for (CallInterceptor.Observer observer : observers) {
      try {
        work = observer.inCallersContext(work);
      } catch (RuntimeException e) {
        LOG.warn("call observer {} failed to give its context; the call goes on", observer.getClass().getName(), e);
      }
    }
    Runnable wrapped = work;
    try {
      withCallerMdc(() -> {
        wrapped.run();
        return null;
      });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void setMdc(@Nullable Map<String, String> values) {
    if (values == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(values);
    }
  }

  /** A supplier that may fail with an {@link IOException}. */
  @FunctionalInterface
  interface IoSupplier<T> {
    T get() throws IOException;
  }

  /** Tells one listener one event; a listener that throws is logged and the call goes on. */
  static void tell(dev.bulwark.runtime.telemetry.CallEventListener listener, CallEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("call event listener {} failed on {}; the call goes on", listener.getClass().getName(),
          event.getClass().getSimpleName(), e);
    }
  }

  private void emit(CallEvent event) {
    for (CallInterceptor.Observer observer : observers) {
      try {
        observer.event(event);
      } catch (RuntimeException e) {
        LOG.warn("call observer {} failed on {}; the call goes on", observer.getClass().getName(),
            event.getClass().getSimpleName(), e);
      }
    }
  }

  @SuppressWarnings("deprecation")
  private void legacy(java.util.function.Consumer<CallListener> event) {
    for (CallListener listener : legacy) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("call listener {} failed; the call goes on", listener.getClass().getName(), e);
      }
    }
  }
}
