package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.e2e.payments.PaymentsClient;
import dev.bulwark.e2e.payments.model.Address;
import dev.bulwark.e2e.payments.model.CardDetails;
import dev.bulwark.e2e.payments.model.ChargeEvent;
import dev.bulwark.e2e.payments.model.ChargeRequest;
import dev.bulwark.e2e.payments.model.ChargeRequestOptions;
import dev.bulwark.e2e.payments.model.ChargeRequestShipping;
import dev.bulwark.e2e.payments.model.ContentPart;
import dev.bulwark.e2e.payments.model.Currency;
import dev.bulwark.e2e.payments.model.LineItem;
import dev.bulwark.e2e.payments.model.ListChargesAmount;
import dev.bulwark.e2e.payments.model.ListChargesAmountRange;
import dev.bulwark.e2e.payments.model.Message;
import dev.bulwark.e2e.payments.model.MessageContent;
import dev.bulwark.e2e.payments.model.MessageRole;
import dev.bulwark.e2e.payments.model.Range;
import dev.bulwark.e2e.payments.model.RangeQuery;
import dev.bulwark.e2e.payments.service.ListChargesParams;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code payments.yaml} on the wire: nested form bodies in the bracket notation form APIs read, deepObject queries
 * with unions sent as the chosen variant's own value, and discriminated unions read by the values the variants fix.
 */
class PaymentsWireTest {
  private static final String CHARGE = "{\"id\": \"ch_1\", \"amount\": 2000, \"status\": \"succeeded\"}";

  private final MockWebServer server = new MockWebServer();
  private PaymentsClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = PaymentsClient.builder().baseUrl(server.url("/v1").toString()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void respond(String json) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(json).build());
  }

  @Test
  void nestedFormBodyInBracketNotation() throws Exception {
    respond(CHARGE);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("order_id", "6735");
    metadata.put("campaign", "spring sale");
    client.charges().createCharge(ChargeRequest.builder()
        .amount(2000L)
        .currency(Currency.USD)
        .capture(true)
        .metadata(metadata)
        .card(CardDetails.builder().number("4242424242424242").expMonth(12L).expYear(2030L).cvc("314").build())
        .items(List.of(LineItem.builder().price("price_1").quantity(2L).build(),
            LineItem.builder().price("price_2").build()))
        .expand(List.of("customer", "invoice"))
        .tags(List.of("a", "b"))
        .shipping(ChargeRequestShipping.builder().name("Ann")
            .address(Address.builder().line1("1 Main St").city("Berlin").build()).build())
        .options(ChargeRequestOptions.builder().statementDescriptor("SHOP").rounding(2L).build())
        .build());
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    String body = request.getBody().utf8();
    assertThat(body).isEqualTo("amount=2000&currency=usd&capture=true"
        + "&metadata%5Border_id%5D=6735&metadata%5Bcampaign%5D=spring+sale"
        + "&card%5Bnumber%5D=4242424242424242&card%5Bexp_month%5D=12&card%5Bexp_year%5D=2030&card%5Bcvc%5D=314"
        + "&items%5B0%5D%5Bprice%5D=price_1&items%5B0%5D%5Bquantity%5D=2&items%5B1%5D%5Bprice%5D=price_2"
        + "&expand%5B%5D=customer&expand%5B%5D=invoice"
        + "&tags=a%2Cb"
        + "&shipping%5Bname%5D=Ann&shipping%5Baddress%5D%5Bline1%5D=1+Main+St"
        + "&shipping%5Baddress%5D%5Bcity%5D=Berlin"
        + "&options=%7B%22statement_descriptor%22%3A%22SHOP%22%2C%22rounding%22%3A2%7D");
    // Decoded, as the server reads it.
    assertThat(URLDecoder.decode(body, StandardCharsets.UTF_8)).contains("card[exp_month]=12",
        "items[1][price]=price_2", "expand[]=invoice", "shipping[address][line1]=1 Main St",
        "options={\"statement_descriptor\":\"SHOP\",\"rounding\":2}");
  }

  @Test
  void deepObjectQueryWithAUnionSendsTheChosenVariant() throws Exception {
    respond("{\"data\": []}");
    respond("{\"data\": []}");
    client.charges().listCharges(ListChargesParams.builder()
        .created(Range.builder().gte(1700000000L).lt(1800000000L).build())
        .amount(ListChargesAmount.builder().currency("eur")
            .range(ListChargesAmountRange.builder().gte(100L).build()).build())
        .expand(List.of("data.customer", "data.invoice"))
        .limit(3L)
        .build());
    client.charges().listCharges(ListChargesParams.builder().created(1700000000L).build());
    assertThat(server.takeRequest().getUrl().encodedQuery()).isEqualTo(
        "created%5Bgte%5D=1700000000&created%5Blt%5D=1800000000"
            + "&amount%5Bcurrency%5D=eur&amount%5Brange%5D%5Bgte%5D=100"
            + "&expand%5B%5D=data.customer&expand%5B%5D=data.invoice&limit=3");
    assertThat(server.takeRequest().getUrl().encodedQuery()).isEqualTo("created=1700000000");
  }

  @Test
  void discriminatorWithoutMappingReadsTheValuesVariantsFix() throws Exception {
    // The spec's own example for the operation.
    respond("[{\"type\": \"charge.succeeded\", \"id\": \"evt_1\", \"amount\": 9007199254740993},"
        + " {\"type\": \"charge.refunded\", \"id\": \"evt_2\", \"amount_refunded\": 500,"
        + " \"reason\": \"requested_by_customer\"},"
        + " {\"type\": \"charge.disputed\", \"id\": \"evt_3\", \"note\": \"Opened by the card holder\"},"
        + " {\"type\": \"charge.disputed\"}]");
    List<ChargeEvent> events = client.charges().listChargeEvents("ch_1");
    assertThat(events.get(0).isChargeSucceeded()).isTrue();
    // Past 2^53: a union value is read as a tree first, which must not pass its integers through a double.
    assertThat(events.get(0).asChargeSucceeded().getAmount()).isEqualTo(9007199254740993L);
    assertThat(events.get(1)).isInstanceOf(ChargeEvent.ChargeRefunded.class);
    assertThat(events.get(1).asChargeRefunded().getReason()).isEqualTo("requested_by_customer");
    // A tag no variant fixes: matched by shape against the variant whose tag is only implied (its component name).
    assertThat(events.get(2).isChargeNote()).isTrue();
    assertThat(events.get(2).asChargeNote().getType()).isEqualTo("charge.disputed");
    assertThat(events.get(2).asChargeNote().validationProblems("$")).isEmpty();
    // Nothing fits cleanly without an id and a note, yet the lenient match keeps it, with its problems reported.
    assertThat(events.get(3).accept(new ChargeEvent.Visitor<String>() {
      @Override
      public String visitChargeSucceeded(dev.bulwark.e2e.payments.model.ChargeSucceeded value) {
        return "succeeded";
      }

      @Override
      public String visitChargeRefunded(dev.bulwark.e2e.payments.model.ChargeRefunded value) {
        return "refunded";
      }

      @Override
      public String visitChargeNote(dev.bulwark.e2e.payments.model.ChargeNote value) {
        return "note " + value.validationProblems("$");
      }

      @Override
      public String visitUnknown(Object json) {
        return "unknown";
      }
    })).startsWith("note ").contains("id");
  }

  @Test
  void unionPropertiesAreSetWithOneCall() throws Exception {
    respond("{\"role\": \"assistant\", \"content\": [{\"type\": \"text\", \"text\": \"Hello\"}]}");
    Message reply = client.messages().createMessage(Message.builder().role(MessageRole.USER).content("Hi").build());
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"role\":\"user\",\"content\":\"Hi\"}");
    assertThat(reply.getContent().isList()).isTrue();
    assertThat(reply.getContent().asList().get(0).getText()).isEqualTo("Hello");

    respond("{\"role\": \"user\", \"content\": \"Hi\"}");
    client.messages().createMessage(Message.builder().role(MessageRole.USER)
        .content(List.of(ContentPart.builder().text("Look").build())).build());
    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look\"}]}");
    assertThat(MessageContent.ofString("Hi").asString()).isEqualTo("Hi");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MessageContent.ofString("Hi").asList())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a List");
  }

  @Test
  void anyOfStringAndEnumIsTheOpenEnum() throws Exception {
    respond("{\"id\": \"ch_1\", \"amount\": 2000, \"status\": \"succeeded\", \"currency\": \"chf\"}");
    respond(CHARGE.replace("}", ", \"currency\": \"eur\"}"));
    Currency unknown = client.charges().createCharge(ChargeRequest.builder().amount(1L)
        .currency(Currency.of("chf")).build()).getCurrency();
    assertThat(unknown.getValue()).isEqualTo("chf");
    assertThat(unknown.isKnown()).isFalse();
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("amount=1&currency=chf");
    assertThat(client.charges().createCharge(ChargeRequest.builder().amount(1L).currency(Currency.EUR).build())
        .getCurrency()).isSameAs(Currency.EUR);
  }

  @Test
  void rangeQueryFactoriesAndAccessors() {
    RangeQuery exact = RangeQuery.ofLong(1700000000L);
    RangeQuery range = RangeQuery.ofRange(Range.builder().gte(1L).build());
    assertThat(exact.isLong()).isTrue();
    assertThat(exact.isRange()).isFalse();
    assertThat(range.asRange().getGte()).isEqualTo(1L);
  }
}
