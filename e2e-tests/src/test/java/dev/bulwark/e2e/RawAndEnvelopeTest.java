package dev.bulwark.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.bulwark.e2e.orders.OrdersClient;
import dev.bulwark.e2e.orders.model.Order;
import dev.bulwark.e2e.orders.model.OrderRequest;
import dev.bulwark.e2e.orders.service.CreateOrderParams;
import dev.bulwark.e2e.orders.service.GetOrderParams;
import dev.bulwark.e2e.orders.service.RefundOrderResult;
import dev.bulwark.runtime.ApiResponse;
import dev.bulwark.runtime.error.UnprocessableEntityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw responses, successes without content, and the spec's own error envelope, through the orders client. */
@WireMockTest
class RawAndEnvelopeTest {
  private static final String ORDER = "{\"id\": \"o-1\", \"sku\": \"pen\", \"quantity\": 2, \"status\": \"placed\"}";

  private WireMock server;
  private OrdersClient client;

  @BeforeEach
  void createClient(WireMockRuntimeInfo info) {
    server = info.getWireMock();
    client = OrdersClient.builder().baseUrl(info.getHttpBaseUrl()).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void rawResponsesCarryStatusAndHeadersBesideTheBody() {
    server.register(get(urlEqualTo("/orders/o-1")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "req-9")
        .withHeader("X-RateLimit-Remaining", "41").withBody(ORDER)));

    ApiResponse<Order> response = client.orders().withRawResponse()
        .getOrder(GetOrderParams.builder().orderId("o-1").build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("x-ratelimit-remaining")).isEqualTo("41");
    assertThat(response.requestId()).isEqualTo("req-9");
    assertThat(response.headers()).containsKey("content-type");
    assertThat(response.body().getSku()).isEqualTo("pen");
  }

  @Test
  void aSuccessWithoutContentGivesNull() {
    server.register(post(urlEqualTo("/orders")).willReturn(aResponse().withStatus(202)));

    Order order = client.orders().createOrder(OrderRequest.builder().sku("pen").quantity(1).build());
    ApiResponse<Order> raw = client.orders().withRawResponse().createOrder(
        CreateOrderParams.builder().body(OrderRequest.builder().sku("pen").quantity(1).build()).build());

    assertThat(order).isNull();
    assertThat(raw.statusCode()).isEqualTo(202);
    assertThat(raw.body()).isNull();
  }

  @Test
  void theSpecsErrorEnvelopeIsRead() {
    server.register(post(urlEqualTo("/orders")).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json").withHeader("X-Error-Code", "SKU_UNKNOWN")
        .withBody("{\"fault\": {\"text\": \"no such sku\", \"reasons\": [\"sku 'pen' is not sold\"]}}")));

    assertThatThrownBy(() -> client.orders().createOrder(OrderRequest.builder().sku("pen").quantity(1).build()))
        .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("SKU_UNKNOWN");
          assertThat(e.errorMessage()).isEqualTo("no such sku");
          assertThat(e.details()).containsExactly("sku 'pen' is not sold");
        })
        .hasMessageMatching("createOrder \\(POST /orders\\) failed with HTTP 422: SKU_UNKNOWN - no such sku"
            + " \\(correlation id [0-9a-f-]{36}\\)\\. Idempotency key \".*")
        .hasMessageEndingWith("\"; the server did not apply the request.");
  }

  @Test
  void successStatusesWithDifferentBodiesBecomeASealedResult() {
    server.register(post(urlEqualTo("/orders/o-1/refunds")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(ORDER)));
    server.register(post(urlEqualTo("/orders/o-2/refunds")).willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"jobId\": \"job-7\", \"eta\": \"2026-12-01T00:00:00Z\"}")));

    RefundOrderResult immediate = client.orders().refundOrder("o-1");
    RefundOrderResult deferred = client.orders().refundOrderAsync(
        dev.bulwark.e2e.orders.service.RefundOrderParams.builder().orderId("o-2").build())
        .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();

    assertThat(describe(immediate)).isEqualTo("refunded o-1");
    assertThat(describe(deferred)).isEqualTo("job job-7");
    assertThat(deferred.statusCode()).isEqualTo(202);
  }

  private static String describe(RefundOrderResult result) {
    if (result instanceof RefundOrderResult.Ok ok) {
      return "refunded " + ok.body().getId();
    }
    RefundOrderResult.Accepted accepted = (RefundOrderResult.Accepted) result;
    return "job " + accepted.body().getJobId();
  }
}
