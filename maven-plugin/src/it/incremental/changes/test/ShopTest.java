package com.example.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shop.ShopClient;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

@WireMockTest
class ShopTest {
  @Test
  void listsItemsWithTheirNewPrice(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlEqualTo("/items"))
        .willReturn(okJson("[{\"id\": \"a\", \"name\": \"pen\", \"price\": 1.50}]")));
    try (ShopClient client = ShopClient.builder().baseUrl(server.getHttpBaseUrl()).build()) {
      assertEquals(new BigDecimal("1.50"), client.items().listItems().get(0).getPrice());
    }
  }
}
