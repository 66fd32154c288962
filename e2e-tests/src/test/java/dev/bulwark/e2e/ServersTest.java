package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.e2e.feeds.FeedsClient;
import dev.bulwark.e2e.feeds.service.ListArticlesParams;
import dev.bulwark.runtime.EventStream;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The servers of {@code sample-specs/feeds.yaml}: constants, variables with enums, and a path-level server. */
class ServersTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyListedServerIsAConstantWithItsVariables() {
    assertThat(FeedsClient.DEFAULT_BASE_URL).isEqualTo("https://feeds.example.com/v1");
    assertThat(FeedsClient.PRODUCTION_SERVER.url()).isEqualTo(FeedsClient.DEFAULT_BASE_URL);
    assertThat(FeedsClient.REGIONAL_SERVER.url()).isEqualTo("https://eu.feeds.example.com/v1");
    assertThat(FeedsClient.REGIONAL_SERVER.with("region", "us").with("version", "v2").url())
        .isEqualTo("https://us.feeds.example.com/v2");
    assertThatThrownBy(() -> FeedsClient.REGIONAL_SERVER.with("region", "mars"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed: [eu, us, ap]");
    assertThatThrownBy(() -> FeedsClient.REGIONAL_SERVER.with("zone", "a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[region, version]");
  }

  @Test
  void aChosenServerKeepsPathLevelServersAndAnOwnBaseUrlOverridesThem() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().addHeader("Content-Type", i % 2 == 0 ? "application/json"
          : "text/event-stream").body(i % 2 == 0 ? "{\"data\": []}" : "data: x\n\n").build());
    }
    String port = String.valueOf(server.getPort());
    try (FeedsClient client = FeedsClient.builder()
        .server(FeedsClient.LOCAL_DEVELOPMENT_SERVER.with("port", port)).build()) {
      client.articles().listArticles(ListArticlesParams.builder().build());
      try (EventStream<String> log = client.events().tailLog()) {
        assertThat(log.stream().toList()).containsExactly("x");
      }
    }
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/articles");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/streams/log");

    try (FeedsClient client = FeedsClient.builder().baseUrl(server.url("/mock").toString()).build()) {
      client.articles().listArticles(ListArticlesParams.builder().build());
      try (EventStream<String> log = client.events().tailLog()) {
        assertThat(log.stream().toList()).containsExactly("x");
      }
    }
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/mock/articles");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/mock/log");
  }
}
