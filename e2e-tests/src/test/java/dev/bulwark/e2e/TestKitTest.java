package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.e2e.orders.OrdersClient;
import dev.bulwark.e2e.orders.model.Order;
import dev.bulwark.e2e.orders.model.OrderRequest;
import dev.bulwark.testing.Reply;
import dev.bulwark.testing.ScriptedServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bulwark-testing as a user of a generated client uses it: the client's builder takes the kit's server URL and fake
 * time (no reflection, no real waits), the server is scripted per operation, and the test asserts what it received.
 */
class TestKitTest {
  private static final String ORDER = "{\"id\": \"o-1\", \"sku\": \"pen\", \"quantity\": 1, \"status\": \"placed\","
      + " \"total\": 1.5}";

  @RegisterExtension final ScriptedServer server = new ScriptedServer();
  private final dev.bulwark.testing.FakeTime time = new dev.bulwark.testing.FakeTime();

  private OrdersClient client() {
    return OrdersClient.builder().baseUrl(server.url()).sleeper(time).ticker(time).clock(time.clock()).build();
  }

  @Test
  void anOrderWhoseAnswerIsLostIsPlacedOnceWithOneKeyAndNoRealWait() {
    server.on("POST", "/orders").reply(Reply.json(201, ORDER).droppedAfterApplied(), Reply.status(503),
        Reply.json(201, ORDER));
    try (OrdersClient client = client()) {
      Order order = client.orders().createOrder(OrderRequest.builder().sku("pen").quantity(1).build());
      assertThat(order.getSku()).isEqualTo("pen");
    }
    List<String> keys = server.headerValues("POST", "/orders", "Idempotency-Key");
    assertThat(keys).hasSize(3).doesNotContainNull();
    assertThat(keys).containsOnly(keys.get(0));
    assertThat(time.waits()).hasSize(2).allSatisfy(wait -> assertThat(wait).isPositive());
  }

  @Test
  void aRateLimitedReadWaitsWhatTheServerAsksInFakeTime() {
    server.on("GET", "/orders/{orderId}").reply(Reply.rateLimited(1), Reply.json(200, ORDER));
    try (OrdersClient client = client()) {
      assertThat(client.orders().getOrder("o-1").getSku()).isEqualTo("pen");
    }
    assertThat(time.waits()).singleElement().satisfies(wait ->
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    assertThat(server.received("GET", "/orders/{orderId}")).hasSize(2);
  }
}
