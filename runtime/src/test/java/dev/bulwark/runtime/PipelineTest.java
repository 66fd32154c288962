package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.runtime.error.ErrorCategory;
import dev.bulwark.runtime.error.ServerErrorException;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.telemetry.CallEvent;
import dev.bulwark.runtime.telemetry.CallInterceptor;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * One call pipeline serves blocking and asynchronous calls: an interceptor registered once follows both, at its two
 * positions (once per logical call, around each attempt), and sees the same typed events in the same order; the
 * correlation id is the same on every attempt the server receives, the attempt header counts them; a throwing
 * listener or interceptor breaks no call; an asynchronous call's events, attempts and completion see the caller's
 * logging context, on other threads.
 */
class PipelineTest {
  private static final OperationSpec GET_ITEM = OperationSpec.builder("getItem", "GET", "/items/{id}").build();
  private static final RetryPolicy QUICK = RetryPolicy.defaults().toBuilder().maxAttempts(3)
      .initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(2)).build();

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Counts what it sees, and records every event as a line. */
  private static final class Recorder implements CallInterceptor {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Observer start(CallEvent.CallStarted call) {
      calls.incrementAndGet();
      events.add("started " + call.call().operationId());
      return new Observer() {
        @Override
        public void event(CallEvent event) {
          events.add(describe(event));
        }

        @Override
        public Response attempt(int attempt, Request request, Next next) throws IOException {
          attempts.incrementAndGet();
          return next.proceed(request.newBuilder().header("X-Seen-By", "recorder " + attempt).build());
        }
      };
    }

    static String describe(CallEvent event) {
      if (event instanceof CallEvent.AttemptStarted started) {
        return "attempt " + started.attempt() + "/" + started.maxAttempts();
      }
      if (event instanceof CallEvent.AttemptFinished finished) {
        return "finished " + finished.attempt() + " " + finished.statusCode() + " " + finished.errorCategory();
      }
      if (event instanceof CallEvent.RetryScheduled retry) {
        return "retry " + retry.nextAttempt() + " " + retry.reason();
      }
      CallEvent.CallFinished end = (CallEvent.CallFinished) event;
      return "ended " + end.outcome() + " after " + end.attempts() + " " + end.statusCode() + " "
          + end.errorCategory();
    }
  }

  private ClientRuntime runtime(CallInterceptor interceptor) {
    return ClientRuntime.builder().baseUrl(server.url("/").toString()).clientName("ItemsClient")
        .retryPolicy(QUICK).interceptor(interceptor).build();
  }

  private void enqueue503503200() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"id\": \"7\"}").build());
  }

  private static final List<String> RETRIED_TWICE = List.of("started getItem", "attempt 1/3",
      "finished 1 503 SERVER_ERROR", "retry 2 HTTP 503", "attempt 2/3", "finished 2 503 SERVER_ERROR",
      "retry 3 HTTP 503", "attempt 3/3", "finished 3 200 null", "ended SUCCESS after 3 200 null");

  @Test
  void anInterceptorRegisteredOnceFollowsBlockingAndAsyncCallsAlike() throws Exception {
    Recorder recorder = new Recorder();
    try (ClientRuntime runtime = runtime(recorder)) {
      enqueue503503200();
      Map<String, Object> blocking = runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", "7").build(),
          Map.class);
      assertThat(blocking).containsEntry("id", "7");
      List<String> blockingEvents = List.copyOf(recorder.events);
      recorder.events.clear();

      enqueue503503200();
      Map<String, Object> async = runtime.<Map<String, Object>>executeAsync(
          ApiRequest.builder(GET_ITEM).pathParameter("id", "7").build(), Map.class).get(5, TimeUnit.SECONDS);
      assertThat(async).containsEntry("id", "7");

      assertThat(blockingEvents).containsExactlyElementsOf(RETRIED_TWICE);
      assertThat(recorder.events).containsExactlyElementsOf(RETRIED_TWICE);
    }
    assertThat(recorder.calls).hasValue(2);
    assertThat(recorder.attempts).hasValue(6);
    for (int i = 0; i < 6; i++) {
      assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-Seen-By"))
          .isEqualTo("recorder " + (i % 3 + 1));
    }
  }

  @Test
  void everyAttemptCarriesTheCallsCorrelationIdAndItsNumber() throws Exception {
    List<CallEvent> events = Collections.synchronizedList(new ArrayList<>());
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString()).retryPolicy(QUICK)
        .eventListener(events::add).build()) {
      enqueue503503200();
      runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", "7").build(), Map.class);

      List<RecordedRequest> received = List.of(take(), take(), take());
      String id = received.get(0).getHeaders().get("X-Correlation-Id");
      assertThat(id).matches("[0-9a-f-]{36}");
      assertThat(received).extracting(r -> r.getHeaders().get("X-Correlation-Id")).containsOnly(id);
      assertThat(received).extracting(r -> r.getHeaders().get("Bulwark-Attempt"))
          .containsExactly("attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3");
      assertThat(events).extracting(e -> e.call().correlationId()).containsOnly(id);
      assertThat(events.get(0).call()).satisfies(call -> {
        assertThat(call.operationId()).isEqualTo("getItem");
        assertThat(call.urlTemplate()).isEqualTo("/items/{id}");
        assertThat(call.serverAddress()).isEqualTo(server.getHostName());
        assertThat(call.serverPort()).isEqualTo(server.getPort());
      });

      // The caller's id is carried on; a failure names it.
      server.enqueue(new MockResponse.Builder().code(500).build());
      server.enqueue(new MockResponse.Builder().code(500).build());
      server.enqueue(new MockResponse.Builder().code(500).build());
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", "7")
          .options(RequestOptions.builder().correlationId("order-42").build()).build(), Map.class))
          .isInstanceOfSatisfying(ServerErrorException.class, e -> {
            assertThat(e.correlationId()).isEqualTo("order-42");
            assertThat(e.getMessage()).contains("correlation id order-42");
          });
      assertThat(List.of(take(), take(), take())).extracting(r -> r.getHeaders().get("X-Correlation-Id"))
          .containsOnly("order-42");
      CallEvent.CallFinished end = (CallEvent.CallFinished) events.get(events.size() - 1);
      assertThat(end.outcome()).isEqualTo(CallEvent.Outcome.FAILURE);
      assertThat(end.errorCategory()).isEqualTo(ErrorCategory.SERVER_ERROR);
      assertThat(end.stopReason()).isEqualTo("max attempts (3) reached");
    }
  }

  @Test
  void theCorrelationAndAttemptHeadersCanBeSwitchedOff() throws Exception {
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .correlationIdHeader(null).attemptHeader(false).build()) {
      server.enqueue(new MockResponse.Builder().code(204).build());
      runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", "7").build());
      RecordedRequest request = take();
      assertThat(request.getHeaders().get("X-Correlation-Id")).isNull();
      assertThat(request.getHeaders().get("Bulwark-Attempt")).isNull();
    }
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .correlationIdHeader("X-Client-Request-Id").build()) {
      server.enqueue(new MockResponse.Builder().code(204).build());
      runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", "7").build());
      assertThat(take().getHeaders().get("X-Client-Request-Id")).matches("[0-9a-f-]{36}");
    }
  }

  @Test
  void aThrowingListenerOrInterceptorBreaksNoCall() throws Exception {
    CallInterceptor throwsAtStart = started -> {
      throw new IllegalStateException("boom at start");
    };
    CallInterceptor throwsAround = started -> new CallInterceptor.Observer() {
      @Override
      public Response attempt(int attempt, Request request, CallInterceptor.Next next) throws IOException {
        Response response = next.proceed(request);
        throw new IllegalStateException("boom after the attempt");
      }

      @Override
      public void event(CallEvent event) {
        throw new IllegalStateException("boom on " + event);
      }
    };
    List<CallEvent> heard = Collections.synchronizedList(new ArrayList<>());
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .interceptor(throwsAtStart).interceptor(throwsAround)
        .eventListener(event -> {
          throw new IllegalStateException("listener boom");
        })
        .eventListener(heard::add).build()) {
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .body("{\"id\": \"7\"}").build());
      Map<String, Object> item = runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", "7").build(),
          Map.class);
      assertThat(item).containsEntry("id", "7");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
    assertThat(heard).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("CallStarted", "AttemptStarted", "AttemptFinished", "CallFinished");
  }

  @Test
  void anAsyncCallKeepsTheCallersLoggingContextAndCompletesOnTheGivenExecutor() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    ExecutorService callbacks = Executors.newSingleThreadExecutor(task -> new Thread(task, "app-callbacks"));
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString()).retryPolicy(QUICK)
        .callbackExecutor(callbacks)
        .eventListener(event -> {
          if (event instanceof CallEvent.AttemptFinished) {
            seen.add(Thread.currentThread().getName() + " user=" + MDC.get("user"));
          }
        })
        .build()) {
      enqueue503503200();
      MDC.put("user", "u-7");
      String caller = Thread.currentThread().getName();
      String completedOn;
      try {
        completedOn = runtime.executeAsync(ApiRequest.builder(GET_ITEM).pathParameter("id", "7").build(), Map.class)
            .thenApply(body -> Thread.currentThread().getName() + " user=" + MDC.get("user"))
            .get(5, TimeUnit.SECONDS);
      } finally {
        MDC.remove("user");
      }
      assertThat(seen).hasSize(3).allSatisfy(line -> assertThat(line).endsWith(" user=u-7")
          .doesNotStartWith(caller + " "));
      assertThat(completedOn).isEqualTo("app-callbacks user=u-7");
    } finally {
      callbacks.shutdownNow();
    }
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }
}
