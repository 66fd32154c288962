package dev.bulwark.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.runtime.ApiRequest;
import dev.bulwark.runtime.ClientRuntime;
import dev.bulwark.runtime.OperationSpec;
import dev.bulwark.runtime.retry.RetryBudget;
import dev.bulwark.runtime.retry.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call retried twice through Micrometer: three {@code http.client.requests} observations with Spring's keys under
 * one {@code bulwark.client.calls}, the timers a meter handler makes of them, attempts and retries counted, the
 * retry budget's tokens as a gauge.
 */
class BulwarkMicrometerTest {
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

  private ClientRuntime runtime(BulwarkMicrometer metrics, RetryBudget budget) {
    return ClientRuntime.builder().baseUrl(server.url("/").toString()).clientName("PetStoreClient")
        .retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(2)).build())
        .retryBudget(budget)
        .interceptor(metrics)
        .build();
  }

  private void enqueue503503200() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"id\": 7}").build());
  }

  @Test
  void timersCountersAndTheBudgetGaugeFollowSpringsConvention() {
    MeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    RetryBudget budget = RetryBudget.standard();
    BulwarkMicrometer metrics = BulwarkMicrometer.create(observations, meters)
        .bindRetryBudget("PetStoreClient", budget);
    try (ClientRuntime runtime = runtime(metrics, budget)) {
      enqueue503503200();
      runtime.execute(ApiRequest.builder(GET_PET).pathParameter("petId", 7).build(), Map.class);
    }

    List<Timer> requests = List.copyOf(meters.find(BulwarkMicrometer.REQUESTS).timers());
    assertThat(requests).extracting(timer -> timer.getId().getTag("status") + " " + timer.getId().getTag("outcome")
        + " x" + timer.count()).containsExactlyInAnyOrder("503 SERVER_ERROR x2", "200 SUCCESS x1");
    assertThat(requests).allSatisfy(timer -> {
      assertThat(timer.getId().getTag("method")).isEqualTo("GET");
      assertThat(timer.getId().getTag("uri")).isEqualTo("/pets/{petId}");
      assertThat(timer.getId().getTag("exception")).isEqualTo("none");
      assertThat(timer.getId().getTag("client.name")).isEqualTo("PetStoreClient");
    });
    Timer call = meters.get(BulwarkMicrometer.CALLS).timer();
    assertThat(call.count()).isEqualTo(1);
    assertThat(call.getId().getTag("outcome")).isEqualTo("SUCCESS");
    assertThat(call.getId().getTag("operation")).isEqualTo("getPet");

    assertThat(meters.find(BulwarkMicrometer.ATTEMPTS).counters().stream()
        .collect(Collectors.toMap(c -> c.getId().getTag("outcome"), c -> c.count())))
        .containsEntry("SERVER_ERROR", 2.0).containsEntry("SUCCESS", 1.0);
    assertThat(meters.get(BulwarkMicrometer.RETRIES).tag("reason", "HTTP 503").counter().count()).isEqualTo(2.0);
    assertThat(meters.get(BulwarkMicrometer.BUDGET_TOKENS).gauge().value()).isEqualTo(budget.available())
        .isLessThan(budget.capacity());
  }

  @Test
  void eachAttemptIsAChildOfItsCallsObservation() {
    ObservationRegistry observations = ObservationRegistry.create();
    List<Observation.Context> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStart(Observation.Context context) {
        contexts.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    try (ClientRuntime runtime = runtime(BulwarkMicrometer.create(observations, new SimpleMeterRegistry()),
        RetryBudget.standard())) {
      enqueue503503200();
      runtime.execute(ApiRequest.builder(GET_PET).pathParameter("petId", 7).build(), Map.class);
    }
    Observation.Context call = contexts.stream().filter(c -> BulwarkMicrometer.CALLS.equals(c.getName()))
        .findFirst().orElseThrow();
    List<Observation.Context> attempts = contexts.stream()
        .filter(c -> BulwarkMicrometer.REQUESTS.equals(c.getName())).toList();
    assertThat(attempts).hasSize(3).allSatisfy(attempt -> {
      assertThat(attempt.getParentObservation()).isNotNull();
      assertThat(attempt.getParentObservation().getContextView()).isSameAs(call);
      assertThat(attempt.getContextualName()).isEqualTo("GET /pets/{petId}");
    });
    assertThat(call.getContextualName()).isEqualTo("getPet");
  }
}
