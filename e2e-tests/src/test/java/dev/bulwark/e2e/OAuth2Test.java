package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.e2e.feeds.FeedsClient;
import dev.bulwark.e2e.feeds.service.ListArticlesParams;
import dev.bulwark.runtime.auth.OAuth2ClientCredentials;
import dev.bulwark.runtime.error.CredentialsUnavailableException;
import dev.bulwark.runtime.error.ErrorCategory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth 2.0 client credentials: the runtime fetches, caches, refreshes and replaces tokens; failures are clear. */
class OAuth2Test {
  private static final String SECRET = "s3cr3t-client-secret";
  private static final String PAGE = "{\"data\": []}";

  private final FakeTime time = new FakeTime();
  private final MockWebServer server = new MockWebServer();
  private final Deque<MockResponse> tokenResponses = new ArrayDeque<>();
  private final Deque<MockResponse> apiResponses = new ArrayDeque<>();
  private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
  private Instant now = FakeTime.NOW;
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        boolean token = request.getUrl().encodedPath().equals("/oauth/token");
        (token ? tokenRequests : apiRequests).add(request);
        MockResponse next = (token ? tokenResponses : apiResponses).poll();
        return next != null ? next : new MockResponse.Builder().code(500).body("unscripted").build();
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private FeedsClient client() {
    return FeedsClient.builder().baseUrl(server.url("/").toString())
        .oauth(OAuth2ClientCredentials.builder(server.url("/oauth/token").toString(), "feeds-app", SECRET)
            .scopes(List.of("articles:read")).clock(clock).build())
        .sleeper(time.sleeper()).ticker(time.ticker())
        .build();
  }

  private static MockResponse token(String value, int expiresIn) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"access_token\": \"" + value + "\", \"token_type\": \"Bearer\", \"expires_in\": " + expiresIn + "}")
        .build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(PAGE).build();
  }

  @Test
  void aTokenIsFetchedOnceSentAsBearerAndRefreshedBeforeItExpires() {
    tokenResponses.add(token("t-1", 3600));
    tokenResponses.add(token("t-2", 3600));
    for (int i = 0; i < 3; i++) {
      apiResponses.add(ok());
    }
    try (FeedsClient client = client()) {
      client.articles().listArticles(ListArticlesParams.builder().build());
      client.articles().listArticles(ListArticlesParams.builder().build());
      now = now.plus(Duration.ofSeconds(3600 - 29));
      client.articles().listArticles(ListArticlesParams.builder().build());
    }
    assertThat(tokenRequests).hasSize(2);
    RecordedRequest fetch = tokenRequests.get(0);
    assertThat(fetch.getMethod()).isEqualTo("POST");
    assertThat(fetch.getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic("feeds-app", SECRET));
    assertThat(fetch.getBody().utf8()).isEqualTo("grant_type=client_credentials&scope=articles%3Aread");
    assertThat(apiRequests).extracting(r -> r.getHeaders().get("Authorization"))
        .containsExactly("Bearer t-1", "Bearer t-1", "Bearer t-2");
  }

  @Test
  void aRejectedTokenIsReplacedAndTheCallSentAgain() {
    tokenResponses.add(token("revoked", 3600));
    tokenResponses.add(token("fresh", 3600));
    apiResponses.add(new MockResponse.Builder().code(401).build());
    apiResponses.add(ok());
    try (FeedsClient client = client()) {
      assertThat(client.articles().listArticles(ListArticlesParams.builder().build()).getData()).isEmpty();
    }
    assertThat(apiRequests).extracting(r -> r.getHeaders().get("Authorization"))
        .containsExactly("Bearer revoked", "Bearer fresh");
  }

  @Test
  void refusedClientCredentialsFailClearlyWithoutTheSecretAndWithoutCallingTheApi() {
    tokenResponses.add(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .body("{\"error\": \"invalid_client\", \"error_description\": \"unknown client\"}").build());
    try (FeedsClient client = client()) {
      assertThatThrownBy(() -> client.articles().listArticles(ListArticlesParams.builder().build()))
          .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("listArticles", "HTTP 401", "invalid_client: unknown client",
                "/oauth/token").doesNotContain(SECRET);
            assertThat(String.valueOf(e.getCause())).doesNotContain(SECRET);
          });
    }
    assertThat(tokenRequests).hasSize(1);
    assertThat(apiRequests).isEmpty();
  }

  @Test
  void aFailingTokenEndpointIsRetriedLikeAConnectionFailure() {
    tokenResponses.add(new MockResponse.Builder().code(503).build());
    tokenResponses.add(token("t-1", 60));
    apiResponses.add(ok());
    try (FeedsClient client = client()) {
      client.articles().listArticles(ListArticlesParams.builder().build());
    }
    assertThat(tokenRequests).hasSize(2);
    assertThat(apiRequests).hasSize(1);
    assertThat(time.waits).hasSize(1);
  }
}
