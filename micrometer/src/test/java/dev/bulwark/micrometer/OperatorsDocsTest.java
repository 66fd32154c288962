package dev.bulwark.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.runtime.ApiRequest;
import dev.bulwark.runtime.ClientRuntime;
import dev.bulwark.runtime.OperationSpec;
import dev.bulwark.runtime.error.BulwarkException;
import dev.bulwark.runtime.retry.RetryPolicy;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The operators' dashboard (docs/operations/grafana-dashboard.json) and alerting rules
 * (docs/operations/prometheus-alerts.yml) name only metrics and labels this module really publishes: both are
 * parsed, and every metric and label in their queries is looked up in a Prometheus scrape of a client that made
 * calls through the module.
 */
class OperatorsDocsTest {
  private static final Path DOCS = Path.of("../docs/operations");
  private static final Pattern METRIC = Pattern.compile("\\b(bulwark_[a-z_]+|http_client_requests_[a-z_]+)\\b");
  private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)}");
  private static final Pattern GROUPING = Pattern.compile("\\b(?:by|ignoring|on)\\s*\\(([^)]*)\\)");
  private static final Pattern LABEL_VALUE = Pattern.compile("\\$labels\\.([a-z_]+)");

  @Test
  void theDashboardAndAlertsNameOnlyWhatTheModulePublishes() throws Exception {
    String scrape = scrapeAfterCalls();
    Set<String> metrics = new TreeSet<>();
    Set<String> labels = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      metrics.add(line.substring(0, brace >= 0 ? brace : line.indexOf(' ')));
      if (brace >= 0) {
        for (String pair : line.substring(brace + 1, line.indexOf('}')).split(",")) {
          labels.add(pair.substring(0, pair.indexOf('=')).trim());
        }
      }
    }

    List<String> queries = new ArrayList<>(dashboardQueries());
    String alerts = Files.readString(DOCS.resolve("prometheus-alerts.yml"));
    queries.addAll(alertQueries(alerts));
    assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
    Set<String> namedMetrics = new TreeSet<>();
    Set<String> namedLabels = new TreeSet<>();
    for (String query : queries) {
      find(METRIC, query, namedMetrics);
      Matcher selector = SELECTOR.matcher(query);
      while (selector.find()) {
        for (String matcher : selector.group(1).split(",")) {
          if (matcher.contains("=")) {
            namedLabels.add(matcher.substring(0, matcher.indexOf('=')).replace("!", "").replace("~", "").trim());
          }
        }
      }
      Matcher grouping = GROUPING.matcher(query);
      while (grouping.find()) {
        for (String label : grouping.group(1).split(",")) {
          if (!label.isBlank()) {
            namedLabels.add(label.trim());
          }
        }
      }
    }
    find(LABEL_VALUE, alerts, namedLabels);

    assertThat(namedMetrics).contains("bulwark_client_calls_seconds_count", "bulwark_client_calls_seconds_bucket",
        "bulwark_client_retries_total", "bulwark_client_retry_budget_tokens", "http_client_requests_seconds_count");
    assertThat(metrics).containsAll(namedMetrics);
    assertThat(labels).containsAll(namedLabels);
  }

  private static void find(Pattern pattern, String text, Set<String> into) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }

  /** Every {@code expr} of the dashboard's panels and the query of its template variable. */
  private static List<String> dashboardQueries() throws IOException {
    String json = Files.readString(DOCS.resolve("grafana-dashboard.json"));
    List<String> queries = new ArrayList<>();
    Matcher field = Pattern.compile("\"(?:expr|query)\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    while (field.find()) {
      queries.add(field.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    return queries;
  }

  /** Every rule's {@code expr}, on one line or as a block. */
  private static List<String> alertQueries(String yaml) {
    List<String> queries = new ArrayList<>();
    String[] lines = yaml.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (!line.startsWith("expr:")) {
        continue;
      }
      String inline = line.substring("expr:".length()).trim();
      if (!inline.equals("|")) {
        queries.add(inline);
        continue;
      }
      StringBuilder block = new StringBuilder();
      for (i++; i < lines.length && !lines[i].trim().matches("[a-z]+:.*"); i++) {
        block.append(lines[i].trim()).append(' ');
      }
      i--;
      queries.add(block.toString());
    }
    return queries;
  }

  private static String scrapeAfterCalls() throws IOException {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // As Spring Boot's percentiles-histogram setting does: the timers publish buckets for p99.
    meters.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
      }
    });
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    OperationSpec getPet = OperationSpec.builder("getPet", "GET", "/pets/{petId}").build();
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getLoopbackAddress(), 0);
      BulwarkMicrometer metrics = BulwarkMicrometer.create(observations, meters);
      try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
          .clientName("PetStoreClient").interceptor(metrics)
          .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(2).initialDelay(Duration.ofMillis(1))
              .maxDelay(Duration.ofMillis(1)).build())
          .build()) {
        metrics.bindRetryBudget("PetStoreClient", runtime.retryBudget());
        server.enqueue(new MockResponse.Builder().code(429).build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body("{}").build());
        runtime.execute(ApiRequest.builder(getPet).pathParameter("petId", 1).build(), Map.class);
        server.enqueue(new MockResponse.Builder().code(404).build());
        try {
          runtime.execute(ApiRequest.builder(getPet).pathParameter("petId", 2).build(), Map.class);
        } catch (BulwarkException expected) {
          // A failed call, so that the failure's labels are published too.
        }
      }
    }
    return meters.scrape();
  }
}
