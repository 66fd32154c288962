package dev.bulwark.runtime.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.runtime.ApiRequest;
import dev.bulwark.runtime.ClientRuntime;
import dev.bulwark.runtime.OperationSpec;
import dev.bulwark.runtime.RequestOptions;
import dev.bulwark.runtime.error.ServerErrorException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** A client's or a call's partial policy changes what it sets and keeps the spec's other values. */
class PartialOverridesTest {
  private static final RetryPolicy SPEC_RETRY = RetryPolicy.builder().maxAttempts(10)
      .initialDelay(Duration.ofMillis(400)).multiplier(1).jitter(Jitter.NONE).retryStatuses(Set.of(503)).build();
  private static final TimeoutPolicy SPEC_TIMEOUTS = TimeoutPolicy.builder().connect(Duration.ofSeconds(2))
      .call(Duration.ofSeconds(1)).build();

  @Test
  void overKeepsTheBasesValuesForWhatWasNotSet() {
    TimeoutPolicy merged = TimeoutPolicy.builder().read(Duration.ofSeconds(7)).build().over(SPEC_TIMEOUTS);
    assertThat(merged.read()).isEqualTo(Duration.ofSeconds(7));
    assertThat(merged.call()).isEqualTo(Duration.ofSeconds(1));
    assertThat(merged.connect()).isEqualTo(Duration.ofSeconds(2));
    assertThat(TimeoutPolicy.defaults().over(SPEC_TIMEOUTS)).isEqualTo(SPEC_TIMEOUTS);

    RetryPolicy retry = RetryPolicy.builder().maxAttempts(4).build().over(SPEC_RETRY);
    assertThat(retry.maxAttempts()).isEqualTo(4);
    assertThat(retry.retryStatuses()).containsExactly(503);
    assertThat(RetryPolicy.none().over(SPEC_RETRY).maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.none().over(SPEC_RETRY).retryStatuses()).containsExactly(503);
    // A policy built from another keeps what was set on the first.
    assertThat(retry.toBuilder().jitter(Jitter.FULL).build().over(RetryPolicy.defaults()).maxAttempts()).isEqualTo(4);
  }

  @Test
  void aClientThatSetsOnlyAReadTimeoutKeepsTheSpecsDeadline() throws IOException {
    OperationSpec get = OperationSpec.builder("getThing", "GET", "/things/1").retryPolicy(SPEC_RETRY)
        .timeouts(SPEC_TIMEOUTS).build();
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    try (MockWebServer server = new MockWebServer()) {
      for (int i = 0; i < 12; i++) {
        server.enqueue(new MockResponse.Builder().code(503).build());
      }
      server.start(InetAddress.getLoopbackAddress(), 0);
      try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
          .timeouts(TimeoutPolicy.builder().read(Duration.ofSeconds(5)).build())
          .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(300)).build())
          .ticker(nanos::get).sleeper(delay -> nanos.addAndGet(delay.toNanos())).build()) {
        // 1 s deadline, 300 ms waits (the client's), 503 only (the spec's): attempts at 0, 300, 600 and 900 ms.
        assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(get).build()))
            .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.attempts()).isEqualTo(4));
        // A call's partial policy merges onto the client's and the spec's in turn.
        assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(get)
            .options(RequestOptions.builder().retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build())
            .build()))
            .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.attempts()).isEqualTo(2));
      }
    }
  }

  @Test
  void aSeededJitterRepeatsItsWaits() throws IOException {
    OperationSpec get = OperationSpec.builder("getThing", "GET", "/things/1").build();
    java.util.List<java.util.List<Duration>> runs = new java.util.ArrayList<>();
    for (long seed : new long[] {42, 42, 7}) {
      java.util.List<Duration> waits = new java.util.ArrayList<>();
      try (MockWebServer server = new MockWebServer()) {
        for (int i = 0; i < 3; i++) {
          server.enqueue(new MockResponse.Builder().code(503).build());
        }
        server.start(InetAddress.getLoopbackAddress(), 0);
        try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString()).jitterSeed(seed)
            .sleeper(waits::add).build()) {
          assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(get).build()))
              .isInstanceOf(ServerErrorException.class);
        }
      }
      runs.add(waits);
    }
    assertThat(runs.get(0)).hasSize(2).isEqualTo(runs.get(1)).isNotEqualTo(runs.get(2));
  }
}
