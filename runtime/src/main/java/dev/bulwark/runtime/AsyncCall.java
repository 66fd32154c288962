package dev.bulwark.runtime;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous call: each attempt runs on an executor thread, and the wait before the next is scheduled rather
 * than slept. The same {@link RetryController} as the blocking path makes every decision.
 */
final class AsyncCall<T> {
  private final ClientRuntime runtime;
  private final Request request;
  private final CallContext context;
  private final @Nullable Type responseType;
  private final RetryController controller;
  private final boolean raw;
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private volatile @Nullable ScheduledFuture<?> pendingRetry;

  private AsyncCall(ClientRuntime runtime, ClientRuntime.Prepared prepared, @Nullable Type responseType,
      boolean raw) {
    this.raw = raw;
    this.runtime = runtime;
    this.request = prepared.request();
    this.context = prepared.context();
    this.responseType = responseType;
    this.controller = runtime.retryController(context);
  }

  static <T> CompletableFuture<T> start(
      ClientRuntime runtime, ClientRuntime.Prepared prepared, @Nullable Type responseType) {
    return begin(new AsyncCall<>(runtime, prepared, responseType, false));
  }

  /** A call whose future gives an {@link ApiResponse}: status and headers beside the body. */
  static <T> CompletableFuture<ApiResponse<T>> startRaw(
      ClientRuntime runtime, ClientRuntime.Prepared prepared, @Nullable Type responseType) {
    return begin(new AsyncCall<ApiResponse<T>>(runtime, prepared, responseType, true));
  }

  private static <T> CompletableFuture<T> begin(AsyncCall<T> async) {
    async.future.whenComplete((value, failure) -> {
      if (async.future.isCancelled()) {
        async.cancelWork();
        async.runtime.finished(async.context, new java.util.concurrent.CancellationException("cancelled"));
      }
    });
    async.submitAttempt();
    return async.future;
  }

  private void submitAttempt() {
    try {
      runtime.attemptExecutor().execute(this::attempt);
    } catch (RejectedExecutionException e) {
      fail(runtime.finished(context, new IllegalStateException("the client is closed", e)));
    }
  }

  private void attempt() {
    // On an HTTP client thread: the caller's logging context is in place for the events and steps of the attempt.
    context.events.runWithCallerMdc(this::attemptHere);
  }

  private void attemptHere() {
    if (future.isDone()) {
      return;
    }
    Request attempt = controller.startAttempt(request);
    Response response = null;
    IOException failure = null;
    try {
      response = new CallChain(runtime.attemptSteps(), context).proceed(attempt);
    } catch (IOException e) {
      failure = e;
    } catch (RuntimeException e) {
      fail(runtime.finished(context, e));
      return;
    }
    if (future.isDone()) {
      controller.cancelled(response, failure);
      return;
    }
    Duration delay = controller.afterAttempt(response, failure);
    if (delay == null) {
      finish(response, failure);
      return;
    }
    try {
      pendingRetry = runtime.scheduler().schedule(this::submitAttempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      fail(runtime.finished(context, new IllegalStateException("the client is closed", e)));
    }
  }

  @SuppressWarnings("unchecked")
  private void finish(@Nullable Response response, @Nullable IOException failure) {
    try {
      if (response == null) {
        fail(runtime.finished(context, runtime.failure(failure, context)));
      } else {
        Object body = runtime.read(response, context, responseType, raw || responseType == null);
        runtime.finished(context, response.code());
        complete((T) (raw ? new ApiResponse<>(response.code(), response.headers(), body) : body));
      }
    } catch (RuntimeException e) {
      fail(runtime.finished(context, e));
    }
  }

  private void complete(T value) {
    deliver(() -> future.complete(value));
  }

  private void fail(Throwable failure) {
    deliver(() -> future.completeExceptionally(failure));
  }

  /** Completes the future where the client's builder says, the caller's context in place. */
  private void deliver(Runnable completion) {
    java.util.concurrent.Executor executor = runtime.callbackExecutor();
    if (executor == null) {
      completion.run();
    } else {
      executor.execute(() -> context.events.runWithCallerMdc(completion));
    }
  }

  private void cancelWork() {
    ScheduledFuture<?> retry = pendingRetry;
    if (retry != null) {
      retry.cancel(false);
    }
    Call call = context.inFlight;
    if (call != null) {
      call.cancel();
    }
  }
}
