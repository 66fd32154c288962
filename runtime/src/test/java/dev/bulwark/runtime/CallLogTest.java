package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bulwark.runtime.auth.Authentication;
import dev.bulwark.runtime.error.BulwarkException;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.telemetry.LogOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The call log: one line per attempt at DEBUG, per retry at INFO, per failed call at WARN, each with the same keys;
 * headers only from the allow-list, bodies only when asked and bounded; no credential in any line, whatever the
 * allow-list says.
 */
class CallLogTest {
  private static final String TOKEN = "sk-live-bearer-0123456789";
  private static final String KEY = "api-key-abcdef";
  private static final String QUERY_KEY = "query-key-987";
  private static final String COOKIE = "session=cookie-value-555";
  private static final String PASSWORD = "hunter2-password";
  private static final OperationSpec LOGIN = OperationSpec.builder("login", "POST", "/login")
      .securitySchemes("bearer", "key", "query").idempotent(true).build();

  private final MockWebServer server = new MockWebServer();
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Logger logger;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    logger = (Logger) LoggerFactory.getLogger("dev.bulwark.calls.ShopClient");
    logger.setLevel(Level.DEBUG);
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(lines);
    logger.setLevel(null);
    server.close();
  }

  private ClientRuntime runtime(LogOptions options) {
    return ClientRuntime.builder().baseUrl(server.url("/").toString()).clientName("ShopClient")
        .authentication("bearer", Authentication.bearer(TOKEN))
        .authentication("key", Authentication.apiKeyHeader("X-Api-Key", KEY))
        .authentication("query", Authentication.apiKeyQuery("api_key", QUERY_KEY))
        .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(2).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(1)).build())
        .sleeper(delay -> { })
        .logOptions(options)
        .build();
  }

  private ApiRequest login() {
    return ApiRequest.builder(LOGIN).header("Cookie", COOKIE)
        .jsonBody(Map.of("user", "ada", "password", PASSWORD), Map.class).build();
  }

  private static String text(ILoggingEvent line) {
    String pairs = line.getKeyValuePairs() == null ? "" : line.getKeyValuePairs().stream()
        .map(pair -> pair.key + "=" + pair.value).collect(Collectors.joining(" "));
    return line.getLevel() + " " + line.getFormattedMessage() + " " + pairs;
  }

  @Test
  void attemptsRetriesAndFailuresAreLoggedWithTheSameKeysAndNoCredential() {
    // Authorization, cookies and the key header on the allow-list: still never logged.
    LogOptions options = LogOptions.defaults().maxBodyBytes(200)
        .allowedHeaders(Set.of("Content-Type", "Authorization", "Cookie", "X-Api-Key", "X-Request-Id"));
    try (ClientRuntime runtime = runtime(options)) {
      server.enqueue(new MockResponse.Builder().code(503).setHeader("X-Request-Id", "req-1")
          .setHeader("Set-Cookie", "server-session=abc").build());
      server.enqueue(new MockResponse.Builder().code(503).setHeader("X-Request-Id", "req-2")
          .setHeader("Content-Type", "application/json")
          .body("{\"error\": \"busy\", \"access_token\": \"" + TOKEN + "\"}").build());
      assertThatThrownBy(() -> runtime.execute(login(), Map.class)).isInstanceOf(BulwarkException.class);
    }
    List<String> all = lines.list.stream().map(CallLogTest::text).toList();
    assertThat(all).isNotEmpty().allSatisfy(line -> assertThat(line)
        .doesNotContain(TOKEN).doesNotContain(KEY).doesNotContain(QUERY_KEY).doesNotContain("cookie-value-555")
        .doesNotContain(PASSWORD).doesNotContain("server-session"));

    ILoggingEvent attempt = lines.list.stream().filter(l -> l.getFormattedMessage().contains("attempt 1 ended"))
        .findFirst().orElseThrow();
    assertThat(attempt.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(keys(attempt)).containsEntry("operation", "login").containsEntry("method", "POST")
        .containsEntry("url.template", "/login").containsEntry("status", "503").containsEntry("attempt", "1")
        .containsEntry("error.category", "SERVER_ERROR").containsEntry("request.id", "req-1")
        .containsKeys("duration", "correlation.id");
    ILoggingEvent retry = lines.list.stream().filter(l -> l.getLevel() == Level.INFO).findFirst().orElseThrow();
    assertThat(retry.getFormattedMessage()).startsWith("login retrying in ");
    assertThat(keys(retry)).containsEntry("attempt", "2").containsEntry("reason", "HTTP 503")
        .containsKeys("delay", "correlation.id");
    ILoggingEvent failed = lines.list.stream().filter(l -> l.getLevel() == Level.WARN).findFirst().orElseThrow();
    assertThat(failed.getFormattedMessage())
        .isEqualTo("login failed after 2 attempt(s): SERVER_ERROR (max attempts (2) reached)");
    assertThat(keys(failed)).containsEntry("correlation.id", keys(attempt).get("correlation.id"))
        .containsEntry("status", "503").containsEntry("attempts", "2");

    // Allowed headers and the bounded, masked body are on the DEBUG lines of each message.
    String request = lines.list.stream().filter(l -> l.getFormattedMessage().equals("login attempt 1 request"))
        .map(CallLogTest::text).findFirst().orElseThrow();
    assertThat(request).contains("Content-Type: application/json").contains("\"password\": \"***\"")
        .contains("\"user\":\"ada\"");
    String response = lines.list.stream().filter(l -> l.getFormattedMessage().equals("login attempt 2 response 503"))
        .map(CallLogTest::text).findFirst().orElseThrow();
    assertThat(response).contains("X-Request-Id: req-2").contains("\"access_token\": \"***\"");
  }

  @Test
  void theClientsLevelIsACeiling() {
    try (ClientRuntime runtime = runtime(LogOptions.defaults().level(LogOptions.Level.WARN))) {
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .body("{}").build());
      runtime.execute(login(), Map.class);
      assertThat(lines.list).isEmpty();
      server.enqueue(new MockResponse.Builder().code(400).build());
      assertThatThrownBy(() -> runtime.execute(login(), Map.class)).isInstanceOf(BulwarkException.class);
      assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
    }
    lines.list.clear();
    try (ClientRuntime runtime = runtime(LogOptions.defaults().level(LogOptions.Level.OFF))) {
      server.enqueue(new MockResponse.Builder().code(400).build());
      assertThatThrownBy(() -> runtime.execute(login(), Map.class)).isInstanceOf(BulwarkException.class);
    }
    assertThat(lines.list).isEmpty();
  }

  private static Map<String, String> keys(ILoggingEvent line) {
    return line.getKeyValuePairs().stream().filter(pair -> pair.value != null)
        .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value), (a, b) -> b));
  }
}
