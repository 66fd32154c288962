package dev.bulwark.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.squareup.moshi.Moshi;
import dev.bulwark.e2e.orders.OrdersClient;
import dev.bulwark.e2e.orders.model.ModelJsonAdapters;
import dev.bulwark.e2e.orders.model.Order;
import dev.bulwark.e2e.orders.model.OrderDiscount;
import dev.bulwark.e2e.orders.model.PaymentMethod;
import dev.bulwark.runtime.json.BulwarkJson;
import org.junit.jupiter.api.Test;

/** oneOf with a discriminator and anyOf without one, through the orders client. */
@WireMockTest
class UnionsTest {
  private final Moshi moshi = new Moshi.Builder().add(new ModelJsonAdapters()).add(BulwarkJson.standardAdapters())
      .build();

  private Order order(WireMockRuntimeInfo server, String extra) {
    server.getWireMock().register(get(urlEqualTo("/orders/o-1")).willReturn(okJson(
        "{\"id\": \"o-1\", \"sku\": \"pen\", \"quantity\": 1, \"status\": \"paid\"" + extra + "}")));
    try (OrdersClient client = OrdersClient.builder().baseUrl(server.getHttpBaseUrl()).build()) {
      return client.orders().getOrder("o-1");
    }
  }

  private static String describe(PaymentMethod method) {
    if (method instanceof PaymentMethod.Card card) {
      return "card ending " + card.value().getLast4();
    }
    if (method instanceof PaymentMethod.BankTransfer transfer) {
      return "transfer from " + transfer.value().getIban();
    }
    return "unknown " + ((PaymentMethod.Unknown) method).json();
  }

  @Test
  void theDiscriminatorPicksTheVariant(WireMockRuntimeInfo server) {
    assertThat(describe(order(server, ", \"payment\": {\"type\": \"card\", \"last4\": \"4242\"}").getPayment()))
        .isEqualTo("card ending 4242");
    assertThat(describe(order(server,
        ", \"payment\": {\"type\": \"bank_transfer\", \"iban\": \"DE89\"}").getPayment()))
        .isEqualTo("transfer from DE89");
  }

  @Test
  void anUnknownVariantKeepsItsJsonAndIsWrittenBackUnchanged(WireMockRuntimeInfo server) {
    Order order = order(server, ", \"payment\": {\"type\": \"crypto\", \"wallet\": \"0xabc\"}");

    assertThat(order.getPayment()).isInstanceOf(PaymentMethod.Unknown.class);
    assertThat(moshi.adapter(Order.class).toJson(order))
        .contains("\"payment\":{\"type\":\"crypto\",\"wallet\":\"0xabc\"}");
  }

  @Test
  void withoutADiscriminatorTheJsonKindDecides(WireMockRuntimeInfo server) {
    assertThat(order(server, ", \"discount\": 12.5").getDiscount())
        .isEqualTo(new OrderDiscount.OfDouble(12.5));
    assertThat(order(server, ", \"discount\": \"SPRING\"").getDiscount())
        .isEqualTo(new OrderDiscount.OfString("SPRING"));
    assertThat(order(server, ", \"discount\": true").getDiscount())
        .isEqualTo(new OrderDiscount.Unknown(true));
  }

  @Test
  void unionsRoundTripThroughJson() {
    Order order = Order.builder().id("o-9").sku("ink").quantity(3)
        .status(dev.bulwark.e2e.orders.model.OrderStatus.PLACED)
        // The discriminator value that selects Card is set by Card.builder().
        .payment(new PaymentMethod.Card(dev.bulwark.e2e.orders.model.Card.builder().last4("1881").build()))
        .discount(new OrderDiscount.OfString("WELCOME"))
        .build();

    String json = moshi.adapter(Order.class).toJson(order);

    assertThat(json).contains("\"payment\":{\"type\":\"card\",\"last4\":\"1881\"}")
        .contains("\"discount\":\"WELCOME\"");
    assertThat(moshi.adapter(Order.class).fromJsonValue(moshi.adapter(Object.class).fromJsonValue(
        moshi.adapter(Order.class).toJsonValue(order)))).isEqualTo(order);
  }
}
