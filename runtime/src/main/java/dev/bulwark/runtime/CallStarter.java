package dev.bulwark.runtime;

import dev.bulwark.runtime.retry.Ticker;
import dev.bulwark.runtime.telemetry.CallInfo;
import dev.bulwark.runtime.telemetry.CallInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Starts a logical call: turns the {@link ApiRequest} into its first HTTP request, gives it the ids every attempt
 * carries (a correlation id, an idempotency key where the operation sends one), resolves its policies and asks who
 * follows it.
 */
final class CallStarter {
  private final RequestFactory requestFactory;
  private final CallPolicies policies;
  private final Ticker ticker;
  private final String clientName;
  private final @Nullable String correlationIdHeader;
  private final boolean attemptHeader;
  private final long maxResponseBodyBytes;
  private final @Nullable CallLog callLog;
  private final List<CallInterceptor> interceptors;
  @SuppressWarnings("deprecation")
  private final List<CallListener> legacyListeners;

  @SuppressWarnings("deprecation")
  CallStarter(RequestFactory requestFactory, CallPolicies policies, Ticker ticker, String clientName,
      @Nullable String correlationIdHeader, boolean attemptHeader, long maxResponseBodyBytes,
      @Nullable CallLog callLog, List<CallInterceptor> interceptors, List<CallListener> legacyListeners) {
    this.requestFactory = requestFactory;
    this.policies = policies;
    this.ticker = ticker;
    this.clientName = clientName;
    this.correlationIdHeader = correlationIdHeader;
    this.attemptHeader = attemptHeader;
    this.maxResponseBodyBytes = maxResponseBodyBytes;
    this.callLog = callLog;
    this.interceptors = List.copyOf(interceptors);
    this.legacyListeners = List.copyOf(legacyListeners);
  }

  /**
   * The call's first request and its context: its correlation id and idempotency key (the same on every attempt),
   * its resolved policies, who follows it.
   *
   * @param async whether its attempts and completion run on other threads, so that it carries the caller's context
   */
  ClientRuntime.Prepared prepare(ApiRequest call, CallContext.Body responseBody, boolean async) {
    OperationSpec operation = call.operation();
    Request request = requestFactory.create(call);
    String correlationId = call.options().correlationId();
    if (correlationId == null && correlationIdHeader != null) {
      correlationId = request.header(correlationIdHeader);
    }
    if (correlationId == null) {
      correlationId = UUID.randomUUID().toString();
    }
    if (correlationIdHeader != null) {
      request = request.newBuilder().header(correlationIdHeader, correlationId).build();
    }
    String sentKey = null;
    String keyHeader = operation.idempotencyKeyHeader();
    if (keyHeader != null) {
      // One key per logical call, the same on every attempt: the caller's, else one the request already carries.
      String key = call.options().idempotencyKey();
      if (key == null) {
        key = request.header(keyHeader);
      }
      if (key == null) {
        key = UUID.randomUUID().toString();
      }
      request = request.newBuilder().header(keyHeader, key).build();
      sentKey = key;
    }
    CallEvents events = followers(operation, request, correlationId, async);
    CallContext context = new CallContext(call, policies.retryPolicy(call), policies.timeouts(call),
        operation.idempotent() || sentKey != null, ticker.nanoTime(), responseBody, !call.repeatableBody(), sentKey,
        correlationId, events);
    context.attemptHeader = attemptHeader;
    Long perCall = call.options().maxResponseBodyBytes();
    context.maxBodyBytes = perCall != null ? perCall : maxResponseBodyBytes;
    return new ClientRuntime.Prepared(request, context);
  }

  /**
   * Who follows this call. With nobody (no interceptor or listener, and a log that would write nothing), nothing is
   * built for a blocking call: no call info, no event, no copy of the logging context.
   */
  private CallEvents followers(OperationSpec operation, Request request, String correlationId, boolean async) {
    boolean logging = callLog != null && callLog.writesAnything();
    // An asynchronous call still carries the caller's logging context to the stages that complete its future.
    if (!logging && interceptors.isEmpty() && legacyListeners.isEmpty() && !async) {
      return CallEvents.NONE;
    }
    List<CallInterceptor> all = interceptors;
    if (logging) {
      all = new ArrayList<>(interceptors.size() + 1);
      all.add(callLog);
      all.addAll(interceptors);
    }
    CallInfo info = new CallInfo(clientName, operation.operationId(), operation.method(), operation.pathTemplate(),
        request.url().host(), request.url().port(), correlationId);
    return CallEvents.start(info, operation, all, legacyListeners);
  }
}
