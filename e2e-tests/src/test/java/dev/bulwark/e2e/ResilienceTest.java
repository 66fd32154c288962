package dev.bulwark.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bulwark.e2e.orders.OrdersClient;
import dev.bulwark.e2e.orders.model.Order;
import dev.bulwark.e2e.orders.model.OrderRequest;
import dev.bulwark.e2e.orders.model.OrderStatus;
import dev.bulwark.e2e.orders.model.AddNoteRequest;
import dev.bulwark.e2e.orders.model.SetStatusRequest;
import dev.bulwark.e2e.orders.service.ListOrdersParams;
import dev.bulwark.runtime.RequestOptions;
import dev.bulwark.runtime.error.BadRequestException;
import dev.bulwark.runtime.error.ConnectionException;
import dev.bulwark.runtime.error.NotFoundException;
import dev.bulwark.runtime.error.OutcomeUnknownException;
import dev.bulwark.runtime.error.RateLimitedException;
import dev.bulwark.runtime.error.RetryBudgetExhaustedException;
import dev.bulwark.runtime.error.ServerErrorException;
import dev.bulwark.runtime.error.TimedOutException;
import dev.bulwark.runtime.retry.RetryBudget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each retry rule, through a client generated from {@code sample-specs/orders.yaml} (whose extensions set 4 attempts,
 * 20 ms doubling to 200 ms, idempotency keys on POSTs), against WireMock. Waits are faked: they are recorded, not slept.
 */
@WireMockTest
class ResilienceTest {
  private static final String ORDER = "{\"id\": \"o-1\", \"sku\": \"pen\", \"quantity\": 2, \"status\": \"placed\"}";

  private final FakeTime time = new FakeTime();
  private WireMock server;
  private OrdersClient client;

  @BeforeEach
  void createClient(WireMockRuntimeInfo info) {
    server = info.getWireMock();
    client = client(info.getHttpBaseUrl(), RetryBudget.standard());
  }

  private OrdersClient client(String baseUrl, RetryBudget budget) {
    return OrdersClient.builder()
        .baseUrl(baseUrl)
        .retryBudget(budget)
        .sleeper(time.sleeper())
        .ticker(time.ticker())
        .clock(time.clock())
        .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** Registers responses that the server gives in turn, the last one for every later request. */
  private void sequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "step " + i;
      com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder mapping = request.get().inScenario("sequence").whenScenarioStateIs(state);
      if (i + 1 < responses.length) {
        mapping.willSetStateTo("step " + (i + 1));
      }
      server.register(mapping.willReturn(responses[i]));
    }
  }

  private static ResponseDefinitionBuilder status(int code) {
    return aResponse().withStatus(code).withHeader("Content-Type", "application/json")
        .withBody("{\"message\": \"status " + code + "\"}");
  }

  private int requests(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
    return server.find(pattern).size();
  }

  @Test
  void serviceUnavailableTwiceThenSuccess() {
    sequence(() -> get(urlPathEqualTo("/orders")), status(503), status(503), okJson("[" + ORDER + "]"));

    List<Order> orders = client.orders().listOrders();

    assertThat(orders).extracting(Order::getId).containsExactly("o-1");
    assertThat(requests(getRequestedFor(urlPathEqualTo("/orders")))).isEqualTo(3);
    assertThat(time.waits).hasSize(2).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(200)));
  }

  @Test
  void tooManyRequestsHonoursRetryAfterInSecondsAndAsADate() {
    sequence(() -> get(urlEqualTo("/orders/o-1")),
        status(429).withHeader("Retry-After", "1"),
        status(429).withHeader("Retry-After", "Mon, 30 Nov 2026 10:00:02 GMT"),
        okJson(ORDER));

    Order order = client.orders().getOrder("o-1");

    assertThat(order.getStatus()).isEqualTo(OrderStatus.PLACED);
    assertThat(time.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retryAfterAboveTheSpecsCeilingFailsAtOnceWithTheHint() {
    server.register(get(urlEqualTo("/orders/o-1")).willReturn(status(429).withHeader("Retry-After", "30")));

    assertThatThrownBy(() -> client.orders().getOrder("o-1"))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
    assertThat(requests(getRequestedFor(urlEqualTo("/orders/o-1")))).isEqualTo(1);
    assertThat(time.waits).isEmpty();
  }

  @Test
  void keyedPostIsRetriedAfterAResetWithTheSameKeyOnEveryAttempt() {
    sequence(() -> post(urlEqualTo("/orders")),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        status(502),
        aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(ORDER));

    Order order = client.orders().createOrder(OrderRequest.builder().sku("pen").quantity(2).build());

    assertThat(order.getId()).isEqualTo("o-1");
    List<LoggedRequest> attempts = server.find(postRequestedFor(urlEqualTo("/orders")));
    assertThat(attempts).hasSize(3);
    String key = attempts.get(0).getHeader("Idempotency-Key");
    assertThat(key).matches("[0-9a-f-]{36}");
    assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.getHeader("Idempotency-Key")).isEqualTo(key));
  }

  @Test
  void callerSuppliedIdempotencyKeyIsSentOnEveryAttempt() {
    sequence(() -> post(urlEqualTo("/orders")), status(503),
        aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(ORDER));

    client.orders().createOrder(
        dev.bulwark.e2e.orders.service.CreateOrderParams.builder()
            .body(OrderRequest.builder().sku("pen").quantity(1).build()).build(),
        RequestOptions.builder().idempotencyKey("order-2026-0001").build());

    assertThat(server.find(postRequestedFor(urlEqualTo("/orders"))))
        .hasSize(2)
        .allSatisfy(attempt -> assertThat(attempt.getHeader("Idempotency-Key")).isEqualTo("order-2026-0001"));
  }

  @Test
  void postWithoutKeyIsNeverRepeatedAfterTheServerMayHaveAppliedIt() {
    server.register(post(urlEqualTo("/orders/o-1/notes")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.orders().addNote("o-1", AddNoteRequest.builder().text("gift").build()))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasMessageContaining("addNote (POST /orders/{orderId}/notes) failed after the request may have reached the server");
    assertThat(requests(postRequestedFor(urlEqualTo("/orders/o-1/notes")))).isEqualTo(1);
    assertThat(server.find(postRequestedFor(urlEqualTo("/orders/o-1/notes"))).get(0).getHeader("Idempotency-Key"))
        .isNull();
  }

  @Test
  void postWithoutKeyIsNotRetriedOnA500ButIsOnA503() {
    server.register(post(urlEqualTo("/orders/o-1/notes")).willReturn(status(500)));
    assertThatThrownBy(() -> client.orders().addNote("o-1", AddNoteRequest.builder().text("a").build()))
        .isInstanceOf(ServerErrorException.class);
    assertThat(requests(postRequestedFor(urlEqualTo("/orders/o-1/notes")))).isEqualTo(1);

    server.resetRequests();
    server.resetMappings();
    sequence(() -> post(urlEqualTo("/orders/o-1/notes")), status(503), okJson(ORDER));
    client.orders().addNote("o-1", AddNoteRequest.builder().text("b").build());
    assertThat(requests(postRequestedFor(urlEqualTo("/orders/o-1/notes")))).isEqualTo(2);
  }

  @Test
  void postMarkedIdempotentIsRetriedOnA500() {
    sequence(() -> post(urlEqualTo("/orders/o-1/status")), status(500), okJson(ORDER));

    client.orders().setStatus("o-1", SetStatusRequest.builder().status(OrderStatus.PAID).build());

    assertThat(requests(postRequestedFor(urlEqualTo("/orders/o-1/status")))).isEqualTo(2);
  }

  @Test
  void connectionRefusedIsRetriedForEveryMethodBecauseNothingWasSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (OrdersClient refused = client("http://127.0.0.1:" + closedPort, RetryBudget.standard())) {
      assertThatThrownBy(() -> refused.orders().addNote("o-1", AddNoteRequest.builder().text("x").build()))
          .isInstanceOf(ConnectionException.class);
    }
    // Four attempts: three waits.
    assertThat(time.waits).hasSize(3);
  }

  @Test
  void readTimeoutIsRetriedForGetAndIsOutcomeUnknownForAnUnkeyedPost() {
    sequence(() -> get(urlPathEqualTo("/orders")), okJson("[]").withFixedDelay(1_000), okJson("[" + ORDER + "]"));
    RequestOptions impatient = RequestOptions.builder().attemptTimeout(Duration.ofMillis(200)).build();

    assertThat(client.orders().listOrders(ListOrdersParams.builder().build(), impatient)).hasSize(1);
    assertThat(requests(getRequestedFor(urlPathEqualTo("/orders")))).isEqualTo(2);

    server.register(post(urlEqualTo("/orders/o-1/notes")).willReturn(okJson(ORDER).withFixedDelay(1_000)));
    assertThatThrownBy(() -> client.orders().addNote(
        dev.bulwark.e2e.orders.service.AddNoteParams.builder().orderId("o-1")
            .body(AddNoteRequest.builder().text("late").build()).build(), impatient))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(requests(postRequestedFor(urlEqualTo("/orders/o-1/notes")))).isEqualTo(1);
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.register(get(urlEqualTo("/orders/bad")).willReturn(status(400)));
    server.register(get(urlEqualTo("/orders/none")).willReturn(status(404)));

    assertThatThrownBy(() -> client.orders().getOrder("bad")).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> client.orders().getOrder("none")).isInstanceOf(NotFoundException.class);

    assertThat(requests(getRequestedFor(urlEqualTo("/orders/bad")))).isEqualTo(1);
    assertThat(requests(getRequestedFor(urlEqualTo("/orders/none")))).isEqualTo(1);
  }

  @Test
  void retriesCanBeTurnedOffPerOperation() {
    server.register(delete(urlEqualTo("/orders/o-1")).willReturn(status(503)));

    assertThatThrownBy(() -> client.orders().cancelOrder("o-1")).isInstanceOf(ServerErrorException.class);

    assertThat(server.find(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlEqualTo("/orders/o-1"))))
        .hasSize(1);
  }

  @Test
  void speakeasyRetryBlockRetriesItsStatusesOnly() {
    sequence(() -> get(urlEqualTo("/reports/daily")), status(500), status(599), okJson("{\"total\": 12.50}"));
    assertThat(client.reports().dailyReport().getTotal()).isEqualByComparingTo("12.50");
    assertThat(requests(getRequestedFor(urlEqualTo("/reports/daily")))).isEqualTo(3);

    server.resetRequests();
    server.resetMappings();
    server.register(get(urlEqualTo("/reports/daily")).willReturn(status(429)));
    assertThatThrownBy(() -> client.reports().dailyReport()).isInstanceOf(RateLimitedException.class);
    assertThat(requests(getRequestedFor(urlEqualTo("/reports/daily")))).isEqualTo(1);
  }

  @Test
  void aWaitPastTheCallDeadlineIsNotStarted() {
    server.register(get(urlPathEqualTo("/orders")).willReturn(status(503)));
    // No jitter and many attempts: 200 ms fits in the 450 ms deadline, the next wait (400 ms) would end past it. The
    // second attempt has the 250 ms left as its real time limit, ample for a loopback answer.
    RequestOptions shortDeadline = RequestOptions.builder()
        .callTimeout(Duration.ofMillis(450))
        .retryPolicy(dev.bulwark.runtime.retry.RetryPolicy.builder().maxAttempts(10)
            .initialDelay(Duration.ofMillis(200)).maxDelay(Duration.ofSeconds(1))
            .jitter(dev.bulwark.runtime.retry.Jitter.NONE).build())
        .build();

    assertThatThrownBy(() -> client.orders().listOrders(ListOrdersParams.builder().build(), shortDeadline))
        .isInstanceOf(ServerErrorException.class);

    assertThat(time.waits).containsExactly(Duration.ofMillis(200));
    assertThat(requests(getRequestedFor(urlPathEqualTo("/orders")))).isEqualTo(2);
  }

  @Test
  void aSlowAttemptIsCutAtTheCallDeadline(WireMockRuntimeInfo info) {
    server.register(get(urlPathEqualTo("/orders")).willReturn(okJson("[]").withFixedDelay(2_000)));
    // Real time here: the deadline must cut a real, slow attempt.
    try (OrdersClient real = OrdersClient.builder().baseUrl(info.getHttpBaseUrl()).build()) {
      assertThatThrownBy(() -> real.orders().listOrders(ListOrdersParams.builder().build(),
          RequestOptions.builder().callTimeout(Duration.ofMillis(300)).build()))
          .isInstanceOf(TimedOutException.class)
          .hasMessageContaining("deadline of 300 ms passed");
    }
  }

  @Test
  void sustainedOutageDrainsTheSharedBudgetAndLoadStaysNearOneTimes(WireMockRuntimeInfo info) {
    server.register(get(anyUrl()).willReturn(status(503)));
    RetryBudget budget = new RetryBudget(50, 5, 10, 1);
    int calls = 100;
    int budgetStops = 0;
    try (OrdersClient outage = client(info.getHttpBaseUrl(), budget)) {
      for (int i = 0; i < calls; i++) {
        try {
          outage.orders().getOrder("o-" + i);
        } catch (RetryBudgetExhaustedException e) {
          budgetStops++;
        } catch (ServerErrorException e) {
          // Retried and out of attempts, while the budget lasted.
        }
      }
    }
    int sent = requests(getRequestedFor(anyUrl()));
    // 50 tokens pay for 10 retries: 110 requests for 100 calls (1.1x), where unbudgeted retries would send 300.
    assertThat(sent).isEqualTo(calls + 10);
    assertThat(budget.available()).isZero();
    assertThat(budgetStops).isGreaterThan(90);
  }

  @Test
  void perCallOptionsOverrideTheSpecAndAddHeadersAndQuery() {
    server.register(get(urlPathEqualTo("/orders")).willReturn(status(503)));

    assertThatThrownBy(() -> client.orders().listOrders(ListOrdersParams.builder().cursor("c1").build(),
        RequestOptions.builder().noRetries().header("X-Tenant", "acme").queryParameter("debug", "1").build()))
        .isInstanceOf(ServerErrorException.class);

    assertThat(server.find(getRequestedFor(urlEqualTo("/orders?cursor=c1&debug=1"))
        .withHeader("X-Tenant", equalTo("acme")))).hasSize(1);
    assertThat(requests(getRequestedFor(urlPathEqualTo("/orders")))).isEqualTo(1);
  }

  @Test
  void perCallOptionsOverrideTheClientBuildersDefaults(WireMockRuntimeInfo info) {
    server.register(get(urlPathEqualTo("/orders")).willReturn(status(503)));
    dev.bulwark.runtime.retry.RetryPolicy fiveAttempts = dev.bulwark.runtime.retry.RetryPolicy.defaults().toBuilder()
        .maxAttempts(5).build();
    try (OrdersClient configured = OrdersClient.builder().baseUrl(info.getHttpBaseUrl()).retryPolicy(fiveAttempts)
        .timeouts(dev.bulwark.runtime.retry.TimeoutPolicy.defaults().toBuilder().call(Duration.ofSeconds(30)).build())
        .sleeper(time.sleeper()).ticker(time.ticker()).build()) {
      assertThatThrownBy(() -> configured.orders().listOrders(ListOrdersParams.builder().build()))
          .isInstanceOf(ServerErrorException.class);
      assertThat(requests(getRequestedFor(urlPathEqualTo("/orders")))).as("the builder's policy").isEqualTo(5);

      server.resetRequests();
      assertThatThrownBy(() -> configured.orders().listOrders(ListOrdersParams.builder().build(),
          RequestOptions.builder().retryPolicy(fiveAttempts.toBuilder().maxAttempts(2).build()).build()))
          .isInstanceOf(ServerErrorException.class);
      assertThat(requests(getRequestedFor(urlPathEqualTo("/orders")))).as("the call's policy").isEqualTo(2);

      // The builder allows 30 s; the call allows 500 ms, which the first 400 ms wait leaves too little of to wait
      // 800 ms more. (The second attempt gets the 100 ms left as its real time limit: enough for a loopback answer.)
      // The call's policy states its maxDelay: the spec's 200 ms would apply to what it leaves unset.
      server.resetRequests();
      assertThatThrownBy(() -> configured.orders().listOrders(ListOrdersParams.builder().build(),
          RequestOptions.builder().callTimeout(Duration.ofMillis(500)).retryPolicy(fiveAttempts.toBuilder()
              .initialDelay(Duration.ofMillis(400)).maxDelay(Duration.ofSeconds(1))
              .jitter(dev.bulwark.runtime.retry.Jitter.NONE).build()).build()))
          .isInstanceOf(ServerErrorException.class);
      assertThat(requests(getRequestedFor(urlPathEqualTo("/orders")))).as("the call's deadline").isEqualTo(2);
    }
  }

  @Test
  void asyncCallRetriesWithoutBlockingAndCompletes() {
    sequence(() -> get(urlPathEqualTo("/orders")), status(503), okJson("[" + ORDER + "]"));

    java.util.concurrent.CompletableFuture<List<Order>> future =
        client.orders().listOrdersAsync(ListOrdersParams.builder().build());

    assertThat(future.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).hasSize(1);
    assertThat(requests(getRequestedFor(urlPathEqualTo("/orders")))).isEqualTo(2);
  }

  @Test
  void cancellingAnAsyncCallCancelsItsPendingRetry() throws Exception {
    server.register(get(urlPathEqualTo("/orders")).willReturn(status(503)));
    RequestOptions slowRetries = RequestOptions.builder()
        .retryPolicy(dev.bulwark.runtime.retry.RetryPolicy.defaults().toBuilder()
            .initialDelay(Duration.ofSeconds(5)).jitter(dev.bulwark.runtime.retry.Jitter.NONE).build())
        .build();

    java.util.concurrent.CompletableFuture<List<Order>> future =
        client.orders().listOrdersAsync(ListOrdersParams.builder().build(), slowRetries);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (requests(getRequestedFor(urlPathEqualTo("/orders"))) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    future.cancel(true);

    assertThat(future).isCancelled();
    Thread.sleep(200);
    assertThat(requests(getRequestedFor(urlPathEqualTo("/orders")))).isEqualTo(1);
  }
}
