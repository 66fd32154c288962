package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.e2e.orders.OrdersClient;
import dev.bulwark.e2e.orders.model.AddAttachmentRequest;
import dev.bulwark.e2e.orders.model.OrderPatch;
import dev.bulwark.e2e.orders.service.AddAttachmentMultipartParams;
import dev.bulwark.e2e.orders.service.UpdateOrderParams;
import dev.bulwark.runtime.BinaryBody;
import dev.bulwark.runtime.RequestOptions;
import java.net.URI;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A JSON body goes out as the JSON type the spec gives (a PATCH as {@code application/merge-patch+json}, not
 * {@code application/json}, which such servers refuse), and the caller can pick another that the spec accepts; an
 * operation that also takes a multipart body (an upload beside a JSON body that takes a URL) has a method for each.
 */
class BodyMediaTypesTest {
  private static final String ORDER = "{\"id\": \"o-1\", \"sku\": \"pen\", \"quantity\": 3, \"status\": \"paid\"}";

  private final MockWebServer server = new MockWebServer();
  private OrdersClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = OrdersClient.builder().baseUrl(server.url("/").toString()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private RecordedRequest update(RequestOptions options) throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(ORDER)
        .build());
    client.orders().updateOrder(UpdateOrderParams.builder().orderId("o-1")
        .body(OrderPatch.builder().quantity(3).build()).build(), options);
    return server.takeRequest();
  }

  @Test
  void aPatchIsSentAsTheSpecsJsonType() throws Exception {
    RecordedRequest request = update(RequestOptions.none());

    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/merge-patch+json");
    assertThat(request.getBody().utf8()).isEqualTo("{\"quantity\":3}");
  }

  @Test
  void aContentTypeHeaderInTheOptionsPicksAnotherTypeTheSpecTakes() throws Exception {
    RecordedRequest request = update(RequestOptions.builder()
        .header("Content-Type", "application/strategic-merge-patch+json").build());

    assertThat(request.getHeaders().values("Content-Type")).containsExactly("application/strategic-merge-patch+json");
    assertThat(request.getBody().utf8()).isEqualTo("{\"quantity\":3}");
  }

  @Test
  void headersThatWouldSplitTheRequestOrAreNoMediaTypeAreRefusedWhenGiven() {
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Note", "a\r\nX-Injected: yes"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().header("Content-Type", "merge patch please"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anOperationTakingJsonOrMultipartHasAMethodForEach() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"id\": \"a-1\"}").build());
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"id\": \"a-2\"}").build());

    assertThat(client.orders().addAttachment("o-1",
        AddAttachmentRequest.builder().url(URI.create("https://files.example.com/r.pdf")).build()).getId())
        .isEqualTo("a-1");
    assertThat(client.orders().addAttachmentMultipart(AddAttachmentMultipartParams.builder().orderId("o-1")
        .file(BinaryBody.of("%PDF".getBytes()).withFileName("r.pdf")).caption("Receipt").build()).getId())
        .isEqualTo("a-2");

    RecordedRequest json = server.takeRequest();
    assertThat(json.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(json.getBody().utf8()).isEqualTo("{\"url\":\"https://files.example.com/r.pdf\"}");
    RecordedRequest multipart = server.takeRequest();
    assertThat(multipart.getUrl().encodedPath()).isEqualTo("/orders/o-1/attachments");
    assertThat(multipart.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(multipart.getBody().utf8())
        .contains("Content-Disposition: form-data; name=\"file\"; filename=\"r.pdf\"", "%PDF",
            "Content-Disposition: form-data; name=\"caption\"", "Receipt");
  }
}
