package com.example.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.sdk.orders.OrdersClient;
import com.example.sdk.pets.PetsClient;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.bulwark.runtime.RuntimeContext;
import org.junit.jupiter.api.Test;

@WireMockTest
class BothClientsTest {
  @Test
  void bothClientsOfTheSdkModuleWorkAndShareOneContext(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlEqualTo("/store/inventory")).willReturn(okJson("{\"sold\": 2}")));
    server.getWireMock().register(get(urlEqualTo("/orders/o-1")).willReturn(okJson(
        "{\"id\": \"o-1\", \"sku\": \"pen\", \"quantity\": 1, \"status\": \"paid\"}")));
    try (RuntimeContext shared = RuntimeContext.builder().build();
        PetsClient pets = PetsClient.builder().baseUrl(server.getHttpBaseUrl()).context(shared).build();
        OrdersClient orders = OrdersClient.builder().baseUrl(server.getHttpBaseUrl()).context(shared).build()) {
      assertEquals(2, pets.store().getInventory().get("sold"));
      assertEquals("paid", orders.orders().getOrder("o-1").getStatus().getValue());
      assertEquals(pets.retryBudget(), orders.retryBudget());
    }
  }
}
