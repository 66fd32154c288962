package dev.bulwark.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.runtime.ApiRequest;
import dev.bulwark.runtime.ClientRuntime;
import dev.bulwark.runtime.OperationSpec;
import dev.bulwark.runtime.auth.Authentication;
import dev.bulwark.runtime.retry.RetryPolicy;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call retried twice, through the OpenTelemetry SDK's in-memory exporter and metric reader: one INTERNAL span for
 * the logical call, its two retries as events, under it three CLIENT spans with the HTTP conventions' attributes and
 * resend counts, each attempt's context sent as {@code traceparent}; the duration histogram with a point per status.
 */
class BulwarkOpenTelemetryTest {
  @RegisterExtension
  static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  private static final OperationSpec GET_PET = OperationSpec.builder("getPet", "GET", "/pets/{petId}").build();

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientRuntime runtime() {
    return ClientRuntime.builder().baseUrl(server.url("/").toString()).clientName("PetStoreClient")
        .authentication("key", Authentication.apiKeyQuery("api_key", "query-secret-1"))
        .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(2)).build())
        .interceptor(BulwarkOpenTelemetry.create(OTEL.getOpenTelemetry()))
        .build();
  }

  private void enqueue503503200() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"id\": 7}").build());
  }

  @Test
  void aCallRetriedTwiceIsOneCallSpanOverThreeAttemptSpans() throws Exception {
    Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("user action").startSpan();
    try (ClientRuntime runtime = runtime(); Scope ignored = parent.makeCurrent()) {
      enqueue503503200();
      runtime.execute(ApiRequest.builder(GET_PET).pathParameter("petId", 7)
          .queryParameter("token", "page-token-2").build(), Map.class);
    } finally {
      parent.end();
    }
    List<SpanData> spans = new ArrayList<>(OTEL.getSpans());
    SpanData call = spans.stream().filter(s -> s.getName().equals("getPet")).findFirst().orElseThrow();
    assertThat(call.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(call.getEvents()).extracting(e -> e.getName() + " " + e.getAttributes()
        .get(BulwarkOpenTelemetry.RETRY_ATTEMPT) + " " + e.getAttributes().get(BulwarkOpenTelemetry.RETRY_REASON))
        .containsExactly("bulwark.retry 2 HTTP 503", "bulwark.retry 3 HTTP 503");
    assertThat(call.getAttributes().get(BulwarkOpenTelemetry.ATTEMPTS)).isEqualTo(3L);
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    List<SpanData> attempts = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT)
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    assertThat(attempts).hasSize(3).allSatisfy(span -> {
      assertThat(span.getName()).isEqualTo("GET /pets/{petId}");
      assertThat(span.getParentSpanId()).isEqualTo(call.getSpanId());
      assertThat(span.getAttributes().get(BulwarkOpenTelemetry.HTTP_REQUEST_METHOD)).isEqualTo("GET");
      assertThat(span.getAttributes().get(BulwarkOpenTelemetry.SERVER_ADDRESS)).isEqualTo(server.getHostName());
      assertThat(span.getAttributes().get(BulwarkOpenTelemetry.SERVER_PORT)).isEqualTo((long) server.getPort());
      assertThat(span.getAttributes().get(BulwarkOpenTelemetry.URL_TEMPLATE)).isEqualTo("/pets/{petId}");
      // The page token is a credential by its name's look: redacted; the API key is added after, never seen.
      assertThat(span.getAttributes().get(BulwarkOpenTelemetry.URL_FULL))
          .isEqualTo(server.url("/pets/7?token=REDACTED").toString()).doesNotContain("query-secret-1");
    });
    assertThat(attempts).extracting(s -> s.getAttributes().get(BulwarkOpenTelemetry.RESEND_COUNT))
        .containsExactly(null, 1L, 2L);
    assertThat(attempts).extracting(s -> s.getAttributes().get(BulwarkOpenTelemetry.HTTP_RESPONSE_STATUS_CODE))
        .containsExactly(503L, 503L, 200L);
    assertThat(attempts).extracting(s -> s.getAttributes().get(BulwarkOpenTelemetry.ERROR_TYPE))
        .containsExactly("503", "503", null);
    assertThat(attempts).extracting(s -> s.getStatus().getStatusCode())
        .containsExactly(StatusCode.ERROR, StatusCode.ERROR, StatusCode.UNSET);

    for (SpanData attempt : attempts) {
      RecordedRequest received = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(received.getHeaders().get("traceparent"))
          .isEqualTo("00-" + attempt.getTraceId() + "-" + attempt.getSpanId() + "-"
              + attempt.getSpanContext().getTraceFlags().asHex());
    }

    MetricData metric = OTEL.getMetrics().stream().filter(m -> m.getName().equals("http.client.request.duration"))
        .findFirst().orElseThrow();
    assertThat(metric.getUnit()).isEqualTo("s");
    List<HistogramPointData> points = new ArrayList<>(metric.getHistogramData().getPoints());
    assertThat(points).extracting(p -> p.getAttributes().get(BulwarkOpenTelemetry.HTTP_RESPONSE_STATUS_CODE)
        + " x" + p.getCount()).containsExactlyInAnyOrder("503 x2", "200 x1");
    assertThat(points.get(0).getBoundaries()).isEqualTo(BulwarkOpenTelemetry.DURATION_BUCKETS);
  }

  @Test
  void anAsyncCallRunsInTheCallersTraceOnOtherThreads() throws Exception {
    Span parent = OTEL.getOpenTelemetry().getTracer("test").spanBuilder("user action").startSpan();
    String seenTrace;
    List<String> heardIn = new java.util.concurrent.CopyOnWriteArrayList<>();
    String caller = Thread.currentThread().getName();
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(2)).build())
        .interceptor(BulwarkOpenTelemetry.create(OTEL.getOpenTelemetry()))
        .eventListener(event -> {
          if (event instanceof dev.bulwark.runtime.telemetry.CallEvent.AttemptFinished) {
            heardIn.add(Thread.currentThread().getName() + " " + Span.current().getSpanContext().getTraceId());
          }
        })
        .build(); Scope ignored = parent.makeCurrent()) {
      enqueue503503200();
      seenTrace = runtime.executeAsync(ApiRequest.builder(GET_PET).pathParameter("petId", 7).build(), Map.class)
          .thenApply(body -> Span.current().getSpanContext().getTraceId())
          .get(5, TimeUnit.SECONDS);
    } finally {
      parent.end();
    }
    assertThat(seenTrace).isEqualTo(parent.getSpanContext().getTraceId());
    // A listener of the call, on the HTTP client's threads, is in the caller's trace too.
    assertThat(heardIn).hasSize(3).allSatisfy(line -> assertThat(line)
        .endsWith(" " + parent.getSpanContext().getTraceId()).doesNotStartWith(caller + " "));
    assertThat(OTEL.getSpans()).filteredOn(s -> s.getKind() == SpanKind.CLIENT).hasSize(3)
        .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId()));
  }

  @Test
  void credentialsInTheUrlAreRedacted() {
    HttpUrl url = HttpUrl.get("https://user:pass@api.example.com/v1/things?api_key=k1&limit=5&access_token=t1");
    assertThat(BulwarkOpenTelemetry.redacted(url))
        .isEqualTo("https://api.example.com/v1/things?api_key=REDACTED&limit=5&access_token=REDACTED");
  }
}
