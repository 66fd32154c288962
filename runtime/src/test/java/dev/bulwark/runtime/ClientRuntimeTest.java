package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.bulwark.runtime.auth.Authentication;
import dev.bulwark.runtime.error.ApiStatusException;
import dev.bulwark.runtime.error.BadRequestException;
import dev.bulwark.runtime.error.ConnectionException;
import dev.bulwark.runtime.error.ErrorCategory;
import dev.bulwark.runtime.error.NotFoundException;
import dev.bulwark.runtime.error.ResponseNotUnderstoodException;
import dev.bulwark.runtime.error.ServerErrorException;
import dev.bulwark.runtime.error.TimedOutException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientRuntimeTest {
  private static final OperationSpec GET_ITEM = OperationSpec.builder("getItem", "GET", "/items/{id}")
      .securitySchemes("bearer", "key")
      .build();
  private static final OperationSpec LIST_ITEMS = OperationSpec.builder("listItems", "GET", "/items").build();
  private static final OperationSpec CREATE_ITEM = OperationSpec.builder("createItem", "POST", "/items").build();
  private static final Type MAP_TYPE = Types.newParameterizedType(Map.class, String.class, Object.class);

  private final MockWebServer server = new MockWebServer();
  private ClientRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    runtime = ClientRuntime.builder()
        .baseUrl(server.url("/api/").toString())
        .authentication("bearer", Authentication.bearer("s3cret-token"))
        .authentication("unused", Authentication.apiKeyHeader("X-Unused", "never-sent"))
        // These tests are about one attempt's mapping; RetryStepTest covers retries.
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @AfterEach
  void stop() {
    runtime.close();
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void buildsUrlHeadersAndCredentialsFromTheCall() throws Exception {
    server.enqueue(json(200, "{\"ok\": true}"));

    Map<String, Object> result = runtime.execute(ApiRequest.builder(GET_ITEM)
        .pathParameter("id", 42L)
        .queryParameter("expand", List.of("a", "b"))
        .queryParameter("absent", null)
        .queryParameter("since", OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC))
        .header("X-Trace", "t-1")
        .cookie("session", "abc")
        .build(), MAP_TYPE);

    RecordedRequest request = take();
    assertThat(request.getTarget()).isEqualTo("/api/items/42?expand=a&expand=b&since=2024-01-02T03%3A04%3A00Z");
    assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t-1");
    assertThat(request.getHeaders().get("Cookie")).isEqualTo("session=abc");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer s3cret-token");
    assertThat(request.getHeaders().get("X-Unused")).isNull();
    assertThat(request.getHeaders().get("User-Agent")).startsWith("bulwark-java/");
    assertThat(result).containsEntry("ok", true);
  }

  @Test
  void pathParametersCannotChangeThePathStructure() throws Exception {
    for (int i = 0; i < 2; i++) {
      server.enqueue(json(200, "{}"));
    }

    runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", "a/b?c#d").build(), MAP_TYPE);
    runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", "x y").build(), MAP_TYPE);
    assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", "..").build(), MAP_TYPE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path segment '..'");

    assertThat(take().getTarget()).isEqualTo("/api/items/a%2Fb%3Fc%23d");
    assertThat(take().getTarget()).isEqualTo("/api/items/x%20y");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void sendsJsonBodies() throws Exception {
    server.enqueue(json(201, "{\"id\": 1}"));

    runtime.execute(ApiRequest.builder(CREATE_ITEM).jsonBody(Map.of("name", "x"), MAP_TYPE).build(), MAP_TYPE);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
    assertThat(request.getBody().utf8()).isEqualTo("{\"name\":\"x\"}");
  }

  @Test
  void statusesMapToTheirExceptions() {
    server.enqueue(json(404, "{\"message\": \"no item 7\"}"));
    server.enqueue(json(400, "bad"));
    server.enqueue(json(503, "<html>down</html>"));
    server.enqueue(json(418, "teapot"));

    assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", 7).build(), MAP_TYPE))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND);
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.operationId()).isEqualTo("getItem");
          assertThat(e.headers()).containsKey("content-type");
          assertThat(e.bodyExcerpt()).isEqualTo("{\"message\": \"no item 7\"}");
        })
        .hasMessageMatching("getItem \\(GET /items/\\{id}\\) failed with HTTP 404: no item 7 \\(correlation id [0-9a-f-]{36}\\)");
    assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(LIST_ITEMS).build(), MAP_TYPE))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(LIST_ITEMS).build(), MAP_TYPE))
        .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("trying again later may succeed");
    assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(LIST_ITEMS).build(), MAP_TYPE))
        .isExactlyInstanceOf(ApiStatusException.class)
        .extracting(e -> ((ApiStatusException) e).category())
        .isEqualTo(ErrorCategory.UNEXPECTED_STATUS);
  }

  @Test
  void errorMessagesNeverCarryCredentials() {
    server.enqueue(json(401, "{\"error\": \"nope\"}"));

    assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET_ITEM).pathParameter("id", 1).build(), MAP_TYPE))
        .satisfies(e -> assertThat(e.toString()).doesNotContain("s3cret-token"))
        .hasMessageContaining("Check the credentials");
    assertThat(Authentication.bearer("s3cret-token").toString()).doesNotContain("s3cret");
    assertThat(Authentication.basic("user", "pa55").toString()).doesNotContain("pa55");
    assertThat(Authentication.apiKeyQuery("key", "k3y").toString()).doesNotContain("k3y");
  }

  @Test
  void bodyExcerptIsBounded() {
    String big = "x".repeat(100_000);
    server.enqueue(json(500, big));

    assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(LIST_ITEMS).build(), MAP_TYPE))
        .isInstanceOfSatisfying(ServerErrorException.class,
            e -> assertThat(e.bodyExcerpt()).hasSize(2048))
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(500));
  }

  @Test
  void malformedJsonNamesTheOperationAndShowsAnExcerpt() {
    server.enqueue(json(200, "{\"items\": [1, 2"));
    server.enqueue(json(200, ""));

    assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(LIST_ITEMS).build(), MAP_TYPE))
        .isInstanceOf(ResponseNotUnderstoodException.class)
        .hasMessageContaining("listItems (GET /items) returned HTTP 200 with a body that could not be read")
        .hasMessageContaining("{\"items\": [1, 2");
    assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(LIST_ITEMS).build(), MAP_TYPE))
        .isInstanceOf(ResponseNotUnderstoodException.class)
        .hasMessageContaining("the body was empty");
  }

  @Test
  void noContentCallsIgnoreTheBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    runtime.execute(ApiRequest.builder(CREATE_ITEM).build());

    assertThat(take().getBodySize()).isZero();
  }

  @Test
  void refusedConnectionIsAConnectionException() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (ClientRuntime closed = ClientRuntime.builder().baseUrl("http://127.0.0.1:" + closedPort)
        .retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> closed.execute(ApiRequest.builder(LIST_ITEMS).build(), MAP_TYPE))
          .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessageStartingWith("listItems (GET /items) failed: could not talk to the server");
    }
  }

  @Test
  void slowResponseIsATimeout() {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none())
        .timeouts(TimeoutPolicy.builder().read(Duration.ofMillis(100)).build())
        .build()) {
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(LIST_ITEMS).build(), MAP_TYPE))
          .isInstanceOf(TimedOutException.class)
          .hasMessageContaining("listItems (GET /items) timed out");
    }
  }

  @Test
  void invalidBaseUrlIsExplained() {
    assertThatThrownBy(() -> ClientRuntime.builder().baseUrl("api.example.com").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http or https URL");
  }

  @Test
  void pathAndHeaderParametersFollowTheirStyle() throws Exception {
    OperationSpec styled = OperationSpec.builder("styled", "GET", "/a/{simple}/b/{label}/c{matrix}").build();
    server.enqueue(json(200, "{}"));

    runtime.execute(ApiRequest.builder(styled)
        .pathParameter("simple", List.of(1, 2))
        .pathParameter("label", List.of("x", "y"), ParameterStyle.LABEL, true)
        .pathParameter("matrix", List.of("p", "q"), ParameterStyle.MATRIX, false)
        .header("X-Ids", List.of(3, 4))
        .build(), MAP_TYPE);

    RecordedRequest request = take();
    assertThat(request.getTarget()).isEqualTo("/api/a/1,2/b/.x.y/c;matrix=p,q");
    assertThat(request.getHeaders().get("X-Ids")).isEqualTo("3,4");
  }
}
