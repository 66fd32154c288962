package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shop.ShopClient;
import com.example.shop.model.CreateOrderRequest;
import dev.bulwark.testing.FakeTime;
import dev.bulwark.testing.Reply;
import dev.bulwark.testing.ScriptedServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's test of a generated client with bulwark-testing: no WireMock, no real waits. */
class ShopKitTest {
  @RegisterExtension final ScriptedServer server = new ScriptedServer();
  final FakeTime time = new FakeTime();

  @Test
  void anOrderIsRetriedWithOneKey() {
    server.on("POST", "/orders").reply(Reply.status(503), Reply.json(201, "{\"id\": \"o-1\", \"sku\": \"pen\"}"));
    try (ShopClient client = ShopClient.builder().baseUrl(server.url()).sleeper(time).ticker(time)
        .clock(time.clock()).build()) {
      assertEquals("o-1", client.orders().createOrder(CreateOrderRequest.builder().sku("pen").build()).getId());
    }
    List<String> keys = server.headerValues("POST", "/orders", "Idempotency-Key");
    assertEquals(2, keys.size());
    assertEquals(keys.get(0), keys.get(1));
    assertEquals(1, time.waits().size());
  }
}
