package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.e2e.feeds.FeedsClient;
import dev.bulwark.e2e.feeds.model.StyleCheckRange;
import dev.bulwark.e2e.feeds.service.PathStyleCheckParams;
import dev.bulwark.e2e.feeds.service.StyleCheckParams;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every parameter style of {@code feeds.yaml}, compared with the exact bytes OpenAPI prescribes. */
class ParameterStylesTest {
  private final MockWebServer server = new MockWebServer();
  private FeedsClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = FeedsClient.builder().baseUrl(server.url("/").toString()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void queryHeaderAndCookieStyles() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{\"ok\": true}")
        .build());
    client.articles().styleCheck(StyleCheckParams.builder()
        .words(List.of("big", "red")).pipes(List.of("a", "b")).ids(List.of(1L, 2L)).tags(List.of("x", "y"))
        .range(StyleCheckRange.builder().min(1L).max(5L).build()).xTrace(List.of("t1", "t2")).session("s-1")
        .build());
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedQuery())
        .isEqualTo("words=big%20red&pipes=a%7Cb&range%5Bmin%5D=1&range%5Bmax%5D=5&ids=1,2&tags=x&tags=y");
    assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t1,t2");
    assertThat(request.getHeaders().get("Cookie")).isEqualTo("session=s-1");
  }

  @Test
  void labelAndMatrixPathStyles() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    client.articles().pathStyleCheck(PathStyleCheckParams.builder().label(List.of("a", "b"))
        .matrix(List.of("x", "y")).build());
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/styles/.a,b/;matrix=x;matrix=y");
  }
}
