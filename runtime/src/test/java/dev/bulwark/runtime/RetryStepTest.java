package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.bulwark.runtime.error.BadRequestException;
import dev.bulwark.runtime.error.ConnectionException;
import dev.bulwark.runtime.error.NotFoundException;
import dev.bulwark.runtime.error.OutcomeUnknownException;
import dev.bulwark.runtime.error.RateLimitedException;
import dev.bulwark.runtime.error.RetryBudgetExhaustedException;
import dev.bulwark.runtime.error.ServerErrorException;
import dev.bulwark.runtime.error.TimedOutException;
import dev.bulwark.runtime.retry.RetryBudget;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retry rules, through the real runtime against a real HTTP server, with time faked: the sleeper records each
 * wait and moves the ticker forward instead of sleeping.
 */
class RetryStepTest {
  private static final Type MAP_TYPE = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final OperationSpec GET = OperationSpec.builder("getThing", "GET", "/things/1").build();
  private static final OperationSpec POST = OperationSpec.builder("createThing", "POST", "/things").build();
  private static final OperationSpec KEYED_POST = OperationSpec.builder("createKeyed", "POST", "/things")
      .idempotencyKeyHeader("Idempotency-Key")
      .build();
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Duration> waits = new ArrayList<>();
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientRuntime.Builder runtime() {
    return ClientRuntime.builder()
        .baseUrl(server.url("/").toString())
        .ticker(nanos::get)
        .sleeper(delay -> {
          waits.add(delay);
          nanos.addAndGet(delay.toNanos());
        })
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .random(() -> 0.5)
        .listener(new CallListener() {
          @Override
          public void retryScheduled(OperationSpec operation, int next, Duration delay, String reason,
              @Nullable Duration hint) {
            events.add("retry " + next + " after " + reason);
          }

          @Override
          public void gaveUp(OperationSpec operation, int attempts, String reason) {
            events.add("gave up after " + attempts + ": " + reason);
          }
        });
  }

  private static MockResponse status(int code, String... headers) {
    MockResponse.Builder response = new MockResponse.Builder().code(code).body("{\"status\": " + code + "}");
    for (int i = 0; i < headers.length; i += 2) {
      response.setHeader(headers[i], headers[i + 1]);
    }
    return response.build();
  }

  private static ApiRequest call(OperationSpec operation) {
    return ApiRequest.builder(operation).build();
  }

  @Test
  void retriesServiceUnavailableWithJitteredExponentialBackoff() {
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(status(200));
    try (ClientRuntime runtime = runtime().build()) {
      Map<String, Object> result = runtime.execute(call(GET), MAP_TYPE);

      assertThat(result).containsEntry("status", 200L);
      assertThat(server.getRequestCount()).isEqualTo(3);
      // Full jitter with random 0.5: half of 250 ms, then half of 500 ms.
      assertThat(waits).containsExactly(Duration.ofMillis(125), Duration.ofMillis(250));
      assertThat(events).containsExactly("retry 2 after HTTP 503", "retry 3 after HTTP 503");
    }
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastError() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(502));
    }
    try (ClientRuntime runtime = runtime().build()) {
      assertThatThrownBy(() -> runtime.execute(call(GET), MAP_TYPE))
          .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(502));
      assertThat(server.getRequestCount()).isEqualTo(3);
      assertThat(events).last().isEqualTo("gave up after 3: max attempts (3) reached");
    }
  }

  @Test
  void honoursRetryAfterInSecondsAndAsADate() {
    server.enqueue(status(429, "Retry-After", "2"));
    server.enqueue(status(429, "Retry-After", "Mon, 30 Nov 2026 10:00:05 GMT"));
    server.enqueue(status(503, "retry-after-ms", "1500"));
    server.enqueue(status(200));
    try (ClientRuntime runtime = runtime().retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(4).build())
        .build()) {
      runtime.execute(call(GET), MAP_TYPE);

      assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(1500));
    }
  }

  @Test
  void honoursRateLimitHeaders() {
    server.enqueue(status(429, "RateLimit", "\"default\";r=0;t=3"));
    server.enqueue(status(429, "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 4)));
    server.enqueue(status(200));
    try (ClientRuntime runtime = runtime().build()) {
      runtime.execute(call(GET), MAP_TYPE);

      assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(4));
    }
  }

  @Test
  void aServerWaitLongerThanTheCeilingFailsAtOnceWithTheHint() {
    server.enqueue(status(429, "Retry-After", "120"));
    try (ClientRuntime runtime = runtime().build()) {
      assertThatThrownBy(() -> runtime.execute(call(GET), MAP_TYPE))
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(waits).isEmpty();
    }
  }

  @Test
  void aServerWaitPastTheDeadlineFailsAtOnce() {
    server.enqueue(status(429, "Retry-After", "30"));
    try (ClientRuntime runtime = runtime()
        .timeouts(TimeoutPolicy.builder().call(Duration.ofSeconds(10)).build()).build()) {
      assertThatThrownBy(() -> runtime.execute(call(GET), MAP_TYPE))
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
      assertThat(waits).isEmpty();
      assertThat(events).last().asString().contains("would pass the call's deadline");
    }
  }

  @Test
  void aBackoffPastTheDeadlineIsNotStarted() {
    server.enqueue(status(503));
    server.enqueue(status(503));
    try (ClientRuntime runtime = runtime()
        .retryPolicy(RetryPolicy.defaults().toBuilder().initialDelay(Duration.ofSeconds(4))
            .jitter(dev.bulwark.runtime.retry.Jitter.NONE).build())
        .timeouts(TimeoutPolicy.builder().call(Duration.ofSeconds(10)).build()).build()) {
      assertThatThrownBy(() -> runtime.execute(call(GET), MAP_TYPE)).isInstanceOf(ServerErrorException.class);

      // 4 s fits in 10 s; the next wait, 8 s, would end past the deadline, so the call ends after two attempts.
      assertThat(waits).containsExactly(Duration.ofSeconds(4));
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.enqueue(status(400));
    server.enqueue(status(404));
    try (ClientRuntime runtime = runtime().build()) {
      assertThatThrownBy(() -> runtime.execute(call(GET), MAP_TYPE)).isInstanceOf(BadRequestException.class);
      assertThatThrownBy(() -> runtime.execute(call(GET), MAP_TYPE)).isInstanceOf(NotFoundException.class);
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void postWithoutKeyIsNotRetriedOnAmbiguousStatusesButIsOnNotProcessedOnes() {
    server.enqueue(status(500));
    server.enqueue(status(503));
    server.enqueue(status(201));
    try (ClientRuntime runtime = runtime().build()) {
      assertThatThrownBy(() -> runtime.execute(call(POST), MAP_TYPE)).isInstanceOf(ServerErrorException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);

      runtime.execute(call(POST), MAP_TYPE);
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void postWhoseConnectionDropsAfterTheServerHandledItIsOutcomeUnknownAndNotRepeated() {
    server.enqueue(new MockResponse.Builder().code(201).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    server.enqueue(status(201));
    try (ClientRuntime runtime = runtime().build()) {
      assertThatThrownBy(() -> runtime.execute(call(POST), MAP_TYPE))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.isRetryable()).isFalse();
          })
          .hasMessageContaining("may or may not have been applied")
          .hasMessageContaining("x-bulwark-idempotency-key");
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void keyedPostIsRetriedWithTheSameKeyOnEveryAttempt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    server.enqueue(status(500));
    server.enqueue(status(201));
    try (ClientRuntime runtime = runtime().build()) {
      runtime.execute(call(KEYED_POST), MAP_TYPE);

      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        keys.add(request.getHeaders().get("Idempotency-Key"));
      }
      assertThat(keys).doesNotContainNull().hasSize(3);
      assertThat(keys.get(0)).matches("[0-9a-f-]{36}");
      assertThat(keys).containsOnly(keys.get(0));
    }
  }

  @Test
  void callerSuppliedKeyIsSentAsIs() throws Exception {
    server.enqueue(status(201));
    try (ClientRuntime runtime = runtime().build()) {
      runtime.execute(ApiRequest.builder(KEYED_POST)
          .options(RequestOptions.builder().idempotencyKey("order-42").build()).build(), MAP_TYPE);

      assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key")).isEqualTo("order-42");
    }
  }

  @Test
  void refusedConnectionIsRetriedEvenForPostBecauseNothingWasSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (ClientRuntime runtime = runtime().baseUrl("http://127.0.0.1:" + closedPort).build()) {
      assertThatThrownBy(() -> runtime.execute(call(POST), MAP_TYPE)).isInstanceOf(ConnectionException.class);
      assertThat(events).containsExactly(
          "retry 2 after connection failed before sending",
          "retry 3 after connection failed before sending",
          "gave up after 3: max attempts (3) reached");
    }
  }

  @Test
  void readTimeoutIsRetriedForGetOnly() {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(status(200));
    server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    try (ClientRuntime runtime = runtime()
        .timeouts(TimeoutPolicy.builder().read(Duration.ofMillis(200)).build()).build()) {
      runtime.execute(call(GET), MAP_TYPE);
      assertThat(server.getRequestCount()).isEqualTo(2);

      assertThatThrownBy(() -> runtime.execute(call(POST), MAP_TYPE)).isInstanceOf(OutcomeUnknownException.class);
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void serverCanSayRetryOrDoNot() {
    server.enqueue(status(503, "x-should-retry", "false"));
    server.enqueue(status(409, "x-should-retry", "true"));
    server.enqueue(status(200));
    try (ClientRuntime runtime = runtime().build()) {
      assertThatThrownBy(() -> runtime.execute(call(GET), MAP_TYPE)).isInstanceOf(ServerErrorException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);

      runtime.execute(call(GET), MAP_TYPE);
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void sustainedOutageDrainsTheBudgetAndRetriesStop() {
    RetryBudget budget = new RetryBudget(20, 5, 10, 1);
    for (int i = 0; i < 40; i++) {
      server.enqueue(status(503));
    }
    int calls = 20;
    int budgetFailures = 0;
    try (ClientRuntime runtime = runtime().retryBudget(budget).build()) {
      for (int i = 0; i < calls; i++) {
        try {
          runtime.execute(call(GET), MAP_TYPE);
        } catch (RetryBudgetExhaustedException e) {
          budgetFailures++;
          assertThat(e.lastFailure()).isInstanceOf(ServerErrorException.class);
        } catch (ServerErrorException e) {
          // Retried, then out of attempts.
        }
      }
    }
    // 20 tokens pay for 4 retries in all: 20 first attempts + 4 retries reach the server, not 60.
    assertThat(server.getRequestCount()).isEqualTo(calls + 4);
    assertThat(budget.available()).isZero();
    assertThat(budgetFailures).isEqualTo(calls - 2);
  }

  @Test
  void successRefillsTheBudget() {
    RetryBudget budget = new RetryBudget(100, 5, 10, 1);
    server.enqueue(status(503));
    server.enqueue(status(200));
    server.enqueue(status(200));
    try (ClientRuntime runtime = runtime().retryBudget(budget).build()) {
      runtime.execute(call(GET), MAP_TYPE);
      assertThat(budget.available()).isEqualTo(100);

      budget.tryAcquire(false);
      runtime.execute(call(GET), MAP_TYPE);
      assertThat(budget.available()).isEqualTo(96);
    }
  }

  @Test
  void policyProviderSwitchesProfilesWhileTheClientRuns() {
    boolean[] aggressive = {false};
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(status(200));
    try (ClientRuntime runtime = runtime()
        .retryPolicyProvider((operation, configured) ->
            aggressive[0] ? configured : configured.toBuilder().maxAttempts(1).build())
        .build()) {
      assertThatThrownBy(() -> runtime.execute(call(GET), MAP_TYPE)).isInstanceOf(ServerErrorException.class);
      aggressive[0] = true;
      runtime.execute(call(GET), MAP_TYPE);
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void perCallOptionsOverrideTheClient() {
    server.enqueue(status(503));
    try (ClientRuntime runtime = runtime().build()) {
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET)
          .options(RequestOptions.builder().noRetries().build()).build(), MAP_TYPE))
          .isInstanceOf(ServerErrorException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void callDeadlineCutsASlowAttemptAndSaysSo() {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS).build());
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .timeouts(TimeoutPolicy.builder().call(Duration.ofMillis(300)).build()).build()) {
      assertThatThrownBy(() -> runtime.execute(call(GET), MAP_TYPE))
          .isInstanceOf(TimedOutException.class)
          .hasMessageContaining("deadline of 300 ms passed after 1 attempt");
    }
  }

  @Test
  void throwingListenerNeverBreaksACall() {
    server.enqueue(status(503));
    server.enqueue(status(200));
    try (ClientRuntime runtime = runtime().listener(new CallListener() {
      @Override
      public void attemptStarted(OperationSpec operation, int attempt) {
        throw new IllegalStateException("listener bug");
      }
    }).build()) {
      assertThat(runtime.<Map<String, Object>>execute(call(GET), MAP_TYPE)).containsEntry("status", 200L);
    }
  }

  @Test
  void clientsSharingAContextShareTheBudgetOfTheirHost() {
    for (int i = 0; i < 20; i++) {
      server.enqueue(status(503));
    }
    try (RuntimeContext context = RuntimeContext.builder().retryBudgets(() -> new RetryBudget(10, 5, 10, 1)).build();
        ClientRuntime first = runtime().context(context).build();
        ClientRuntime second = runtime().context(context).baseUrl(server.url("/other/").toString()).build()) {
      assertThatThrownBy(() -> first.execute(call(GET), MAP_TYPE)).isInstanceOf(ServerErrorException.class);
      // The first client spent the host's 10 tokens on two retries: the second gets none.
      assertThatThrownBy(() -> second.execute(call(GET), MAP_TYPE))
          .isInstanceOf(RetryBudgetExhaustedException.class);
      assertThat(server.getRequestCount()).isEqualTo(4);
      assertThat(context.retryBudget(server.getHostName())).isSameAs(first.retryBudget())
          .isSameAs(second.retryBudget());
      assertThat(context.retryBudget("elsewhere.example")).isNotSameAs(first.retryBudget());
    }
  }
}
