package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.bulwark.runtime.error.ApiStatusException;
import dev.bulwark.runtime.error.ConflictException;
import dev.bulwark.runtime.error.PermissionDeniedException;
import dev.bulwark.runtime.error.ProblemDetails;
import dev.bulwark.runtime.error.ServerErrorException;
import dev.bulwark.runtime.error.TimedOutException;
import dev.bulwark.runtime.error.UnauthorizedException;
import dev.bulwark.runtime.error.UnprocessableEntityException;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the server sends -> what the caller gets, one case per row of docs/errors.md. */
class ErrorNormalizationTest {
  private static final Type MAP_TYPE = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final OperationSpec PLAIN = OperationSpec.builder("charge", "POST", "/charges").build();

  private final MockWebServer server = new MockWebServer();
  private ClientRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .authentication("key", dev.bulwark.runtime.auth.Authentication.bearer("sk_live_secret"))
        .retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() {
    runtime.close();
    server.close();
  }

  private ApiStatusException fail(OperationSpec operation, int status, String contentType, String body,
      String... headers) {
    MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
    if (!contentType.isEmpty()) {
      response.setHeader("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      response.setHeader(headers[i], headers[i + 1]);
    }
    server.enqueue(response.build());
    try {
      runtime.execute(ApiRequest.builder(operation)
          .options(RequestOptions.builder().correlationId("c-1").build()).build(), MAP_TYPE);
    } catch (ApiStatusException e) {
      assertThat(e.getMessage()).doesNotContain("sk_live_secret");
      assertThat(e.toString()).doesNotContain("sk_live_secret");
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void nestedErrorObject() {
    ApiStatusException e = fail(PLAIN, 402, "application/json",
        "{\"error\": {\"code\": \"card_declined\", \"message\": \"Your card was declined.\"}}",
        "Request-Id", "req_123");

    assertThat(e.errorCode()).isEqualTo("card_declined");
    assertThat(e.errorMessage()).isEqualTo("Your card was declined.");
    assertThat(e.requestId()).isEqualTo("req_123");
    assertThat(e).hasMessage("charge (POST /charges) failed with HTTP 402: card_declined - Your card was declined."
        + " (request id req_123, correlation id c-1)");
  }

  @Test
  void errorsList() {
    ApiStatusException e = fail(PLAIN, 422, "application/json",
        "{\"errors\": [{\"code\": \"invalid\", \"message\": \"amount must be positive\"},"
            + " {\"message\": \"currency is required\"}]}");

    assertThat(e).isInstanceOf(UnprocessableEntityException.class);
    assertThat(e.errorCode()).isEqualTo("invalid");
    assertThat(e.errorMessage()).isEqualTo("amount must be positive");
    assertThat(e.details()).containsExactly("amount must be positive", "currency is required");
  }

  @Test
  void flatMessageAndCode() {
    ApiStatusException e = fail(PLAIN, 409, "application/json", "{\"code\": 1042, \"message\": \"duplicate\"}");

    assertThat(e).isInstanceOf(ConflictException.class);
    assertThat(e.errorCode()).isEqualTo("1042");
    assertThat(e.errorMessage()).isEqualTo("duplicate");
  }

  @Test
  void oauthStyleError() {
    ApiStatusException e = fail(PLAIN, 401, "application/json",
        "{\"error\": \"invalid_token\", \"error_description\": \"The access token expired\"}");

    assertThat(e).isInstanceOf(UnauthorizedException.class);
    assertThat(e.errorCode()).isEqualTo("invalid_token");
    assertThat(e.errorMessage()).isEqualTo("The access token expired");
    assertThat(e.getMessage()).endsWith("Check the credentials given to the client builder (correlation id c-1)");
    assertThat(e.correlationId()).isEqualTo("c-1");
  }

  @Test
  void problemJson() {
    ApiStatusException e = fail(PLAIN, 403, "application/problem+json",
        "{\"type\": \"https://example.com/probs/out-of-credit\", \"title\": \"You do not have enough credit.\","
            + " \"status\": 403, \"detail\": \"Your current balance is 30, but that costs 50.\","
            + " \"instance\": \"/account/12345/msgs/abc\", \"balance\": 30}");

    assertThat(e).isInstanceOf(PermissionDeniedException.class);
    ProblemDetails problem = e.problem();
    assertThat(problem).isNotNull();
    assertThat(problem.title()).isEqualTo("You do not have enough credit.");
    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.instance()).isEqualTo("/account/12345/msgs/abc");
    assertThat(problem.extensions()).containsEntry("balance", 30L);
    assertThat(e.errorCode()).isEqualTo("https://example.com/probs/out-of-credit");
    assertThat(e.errorMessage()).isEqualTo("Your current balance is 30, but that costs 50.");
  }

  @Test
  void specEnvelopeWithPointersAndHeaders() {
    OperationSpec enveloped = OperationSpec.builder("charge", "POST", "/charges")
        .errorEnvelope(new ErrorEnvelope("header:X-Error-Code", "/result/text", "/result/problems"))
        .build();

    ApiStatusException e = fail(enveloped, 400, "application/json",
        "{\"result\": {\"text\": \"bad amount\", \"problems\": [\"too large\", \"not an integer\"]}}",
        "X-Error-Code", "E_AMOUNT");

    assertThat(e.errorCode()).isEqualTo("E_AMOUNT");
    assertThat(e.errorMessage()).isEqualTo("bad amount");
    assertThat(e.details()).containsExactly("too large", "not an integer");
  }

  @Test
  void declaredErrorSchemaIsParsedAndReachableByType() {
    OperationSpec declared = OperationSpec.builder("charge", "POST", "/charges")
        .errorType("4XX", MAP_TYPE)
        .build();

    ApiStatusException e = fail(declared, 404, "application/json", "{\"message\": \"no such charge\"}");

    assertThat(e.body(Map.class)).containsEntry("message", "no such charge");
    assertThat(e.body(String.class)).isNull();
    assertThat(e.errorMessage()).isEqualTo("no such charge");
  }

  @Test
  void htmlErrorPageBecomesItsTitle() {
    ApiStatusException e = fail(PLAIN, 502, "text/html",
        "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>" + "x".repeat(10_000)
            + "</body></html>");

    assertThat(e).isInstanceOf(ServerErrorException.class);
    assertThat(e.errorMessage()).isNull();
    assertThat(e.bodyExcerpt()).startsWith("<html>").hasSize(2048);
    assertThat(e).hasMessage("charge (POST /charges) failed with HTTP 502: 502 Bad Gateway. The server failed; trying"
        + " again later may succeed (correlation id c-1)");
  }

  @Test
  void truncatedJsonKeepsTheExcerpt() {
    ApiStatusException e = fail(PLAIN, 500, "application/json", "{\"error\": {\"message\": \"boo");

    assertThat(e.errorMessage()).isNull();
    assertThat(e.bodyExcerpt()).isEqualTo("{\"error\": {\"message\": \"boo");
    assertThat(e.getMessage()).contains("failed with HTTP 500: {\"error\": {\"message\": \"boo");
  }

  @Test
  void emptyErrorBody() {
    ApiStatusException e = fail(PLAIN, 503, "", "");

    assertThat(e.bodyExcerpt()).isEmpty();
    assertThat(e).hasMessage("charge (POST /charges) failed with HTTP 503. The server failed; trying again later"
        + " may succeed (correlation id c-1)");
  }

  @Test
  void exceptionsCarryAttemptsAndElapsedTime() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    OperationSpec get = OperationSpec.builder("list", "GET", "/things").build();
    try (ClientRuntime retrying = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(2).initialDelay(Duration.ofMillis(1)).build())
        .build()) {
      assertThatThrownBy(() -> retrying.execute(ApiRequest.builder(get).build(), MAP_TYPE))
          .isInstanceOfSatisfying(ServerErrorException.class, e -> {
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.elapsed()).isPositive();
            assertThat(e.httpMethod()).isEqualTo("GET");
            assertThat(e.urlTemplate()).isEqualTo("/things");
          })
          .hasMessageContaining("failed with HTTP 503 after 2 attempts");
    }
  }

  @Test
  void timeoutsAreToldApart() {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
    OperationSpec get = OperationSpec.builder("list", "GET", "/things").build();
    try (ClientRuntime readLimited = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.none())
        .timeouts(TimeoutPolicy.builder().read(Duration.ofMillis(100)).build()).build();
        ClientRuntime attemptLimited = ClientRuntime.builder().baseUrl(server.url("/").toString())
            .retryPolicy(RetryPolicy.none())
            .timeouts(TimeoutPolicy.builder().attempt(Duration.ofMillis(100)).build()).build()) {
      assertThatThrownBy(() -> readLimited.execute(ApiRequest.builder(get).build(), MAP_TYPE))
          .isInstanceOfSatisfying(TimedOutException.class,
              e -> assertThat(e.kind()).isEqualTo(TimedOutException.Kind.READ))
          .hasMessageContaining("the server sent nothing for 100 ms");
      assertThatThrownBy(() -> attemptLimited.execute(ApiRequest.builder(get).build(), MAP_TYPE))
          .isInstanceOfSatisfying(TimedOutException.class,
              e -> assertThat(e.kind()).isEqualTo(TimedOutException.Kind.ATTEMPT))
          .hasMessageContaining("an attempt took longer than 100 ms");
    }
  }
}
