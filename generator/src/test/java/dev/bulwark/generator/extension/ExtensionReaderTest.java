package dev.bulwark.generator.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import dev.bulwark.generator.TestSpecs;
import dev.bulwark.generator.extension.ExtensionReader.Level;
import dev.bulwark.generator.extension.ExtensionReader.LevelSettings;
import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.ResilienceModel;
import dev.bulwark.generator.normalize.Normalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionReaderTest {
  private final ExtensionReader reader = new ExtensionReader("api.yaml");

  @Test
  void readsEveryRetrySetting() {
    LevelSettings settings = reader.read(Map.of("x-bulwark-retry", Map.of(
        "maxAttempts", 5, "initialDelay", "250ms", "maxDelay", "PT2S", "multiplier", 1.5, "jitter", "equal",
        "maxElapsed", "1m", "retryOn", List.of(429, "5XX", "connection"), "maxRetryAfter", "30s")), "", Level.ROOT);

    assertThat(reader.errors()).isEmpty();
    assertThat(settings.retry().maxAttempts()).contains(5);
    assertThat(settings.retry().initialDelay()).contains(Duration.ofMillis(250));
    assertThat(settings.retry().maxDelay()).contains(Duration.ofSeconds(2));
    assertThat(settings.retry().multiplier()).contains(1.5);
    assertThat(settings.retry().jitter()).contains("equal");
    assertThat(settings.retry().retryStatuses()).hasValueSatisfying(s -> assertThat(s).hasSize(101).contains(429, 500, 599));
    assertThat(settings.retry().retryConnection()).contains(true);
    assertThat(settings.retry().retryTimeout()).contains(false);
    assertThat(settings.retry().maxRetryAfter()).contains(Duration.ofSeconds(30));
    assertThat(settings.timeouts().call()).contains(Duration.ofMinutes(1));
  }

  @Test
  void falseTurnsRetriesOff() {
    LevelSettings settings = reader.read(Map.of("x-bulwark-retry", false), "/paths/~1a/get", Level.OPERATION);

    assertThat(settings.retry().disabled()).contains(true);
  }

  @Test
  void invalidValuesAreReportedWithTheirPointerAndAllAtOnce() {
    reader.read(Map.of(
        "x-bulwark-retry", Map.of("maxAttempt", 3, "initialDelay", "soon", "jitter", "lots", "retryOn", List.of(418, "4XY")),
        "x-bulwark-timout", Map.of(),
        "x-bulwark-idempotent", "yes"), "/paths/~1pets/post", Level.OPERATION);

    assertThat(reader.errors()).extracting(SpecProblem::toString).containsExactlyInAnyOrder(
        "api.yaml: /paths/~1pets/post/x-bulwark-retry/maxAttempt: unknown setting, did you mean 'maxAttempts'?;"
            + " known: [initialDelay, jitter, maxAttempts, maxDelay, maxElapsed, maxRetryAfter, multiplier, retryOn]",
        "api.yaml: /paths/~1pets/post/x-bulwark-retry/initialDelay: must be a duration such as 250ms, 2s, 1m or"
            + " PT2S; was 'soon'",
        "api.yaml: /paths/~1pets/post/x-bulwark-retry/jitter: must be one of full, equal, none; was 'lots'",
        "api.yaml: /paths/~1pets/post/x-bulwark-retry/retryOn/1: '4XY' is not a status code (503), a range (5XX),"
            + " connection or timeout",
        "api.yaml: /paths/~1pets/post/x-bulwark-timout: unknown extension, did you mean 'x-bulwark-timeout'?",
        "api.yaml: /paths/~1pets/post/x-bulwark-idempotent: must be true or false; was 'yes'");
  }

  @Test
  void idempotentBelongsOnOperations() {
    reader.read(Map.of("x-bulwark-idempotent", true), "", Level.ROOT);

    assertThat(reader.errors()).singleElement().asString().contains("belongs on an operation");
  }

  @Test
  void idempotencyKeyForms() {
    assertThat(reader.read(Map.of("x-bulwark-idempotency-key", true), "", Level.ROOT).idempotencyKey())
        .contains("Idempotency-Key");
    assertThat(reader.read(Map.of("x-bulwark-idempotency-key", Map.of("header", "X-Request-Key")), "", Level.ROOT)
        .idempotencyKey()).contains("X-Request-Key");
    assertThat(reader.read(Map.of("x-bulwark-idempotency-key", false), "", Level.ROOT).idempotencyKey())
        .contains("");
    reader.read(Map.of("x-bulwark-idempotency-key", Map.of("header", "bad header")), "", Level.ROOT);
    assertThat(reader.errors()).singleElement().asString().contains("must be an HTTP header name");
  }

  @Test
  void speakeasyRetriesMapOntoTheSameSettings() {
    LevelSettings settings = reader.read(Map.of("x-speakeasy-retries", Map.of(
        "strategy", "backoff",
        "backoff", Map.of("initialInterval", 500, "maxInterval", 60000, "maxElapsedTime", 3600000, "exponent", 1.5),
        "statusCodes", List.of(429, "5XX"),
        "retryConnectionErrors", true)), "", Level.ROOT);

    assertThat(reader.errors()).isEmpty();
    assertThat(settings.retry().initialDelay()).contains(Duration.ofMillis(500));
    assertThat(settings.retry().maxDelay()).contains(Duration.ofMinutes(1));
    assertThat(settings.retry().multiplier()).contains(1.5);
    assertThat(settings.retry().retryConnection()).contains(true);
    assertThat(settings.retry().retryStatuses()).hasValueSatisfying(s -> assertThat(s).contains(429, 503));
    assertThat(settings.timeouts().call()).contains(Duration.ofHours(1));
  }

  @Test
  void durations() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("1.5s")).contains(Duration.ofMillis(1500));
    assertThat(Durations.parse("2m")).contains(Duration.ofMinutes(2));
    assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("PT0.1S")).contains(Duration.ofMillis(100));
    assertThat(Durations.parse("500")).isEmpty();
  }

  @Test
  void levelsMergeRootPathOperationAndKeysGoToPostAndPatch() throws Exception {
    Normalizer.Result result = new Normalizer().normalize(
        new SpecLoader().load(TestSpecs.sample("orders.yaml")), Optional.empty());
    Map<String, ResilienceModel> byOperation = new java.util.HashMap<>();
    for (var service : result.model().services()) {
      for (OperationModel operation : service.operations()) {
        byOperation.put(operation.operationId(), operation.resilience());
      }
    }

    assertThat(byOperation.get("createOrder").idempotencyKeyHeader()).contains("Idempotency-Key");
    assertThat(byOperation.get("createOrder").retry().maxAttempts()).contains(4);
    assertThat(byOperation.get("listOrders").idempotencyKeyHeader()).isEmpty();
    assertThat(byOperation.get("getOrder").retry().maxAttempts()).contains(3);
    assertThat(byOperation.get("getOrder").retry().initialDelay()).contains(Duration.ofMillis(20));
    assertThat(byOperation.get("cancelOrder").retry().disabled()).contains(true);
    assertThat(byOperation.get("addNote").idempotencyKeyHeader()).isEmpty();
    assertThat(byOperation.get("setStatus").idempotent()).contains(true);
    assertThat(byOperation.get("dailyReport").retry().retryStatuses())
        .hasValueSatisfying(s -> assertThat(s).contains(500, 599).doesNotContain(429));
    assertThat(byOperation.get("dailyReport").timeouts().call()).contains(Duration.ofSeconds(10));
    assertThat(byOperation.get("listOrders").timeouts().call()).contains(Duration.ofSeconds(20));
  }

  @Test
  void invalidExtensionsFailGenerationNamingEveryProblem(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, """
        openapi: 3.0.3
        info: {title: Bad, version: '1'}
        x-bulwark-retry: {maxAttempts: 0}
        paths:
          /a:
            get:
              operationId: getA
              x-bulwark-timeout: {call: forever}
              responses: {'204': {description: ok}}
        """);

    assertThatThrownBy(() -> new Normalizer().normalize(new SpecLoader().load(spec), Optional.empty()))
        .isInstanceOfSatisfying(GeneratorException.class, e -> assertThat(e.problems()).hasSize(2))
        .hasMessageContaining("bad.yaml: /x-bulwark-retry/maxAttempts: must be a whole number of at least 1")
        .hasMessageContaining("bad.yaml: /paths/~1a/get/x-bulwark-timeout/call: must be a duration");
  }
}
