package com.example.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shop.ShopClient;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.Test;

@WireMockTest
class ShopTest {
  @Test
  void getsAnItem(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlEqualTo("/items/a")).willReturn(okJson("{\"id\": \"a\", \"name\": \"pen\"}")));
    try (ShopClient client = ShopClient.builder().baseUrl(server.getHttpBaseUrl()).build()) {
      assertEquals("pen", client.items().getItem("a").getName());
    }
  }
}
