package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.bulwark.runtime.error.NotFoundException;
import dev.bulwark.runtime.retry.Jitter;
import dev.bulwark.runtime.retry.RetryPolicy;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncCallTest {
  private static final Type MAP_TYPE = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final OperationSpec GET = OperationSpec.builder("getThing", "GET", "/things/1").build();

  private final MockWebServer server = new MockWebServer();
  private final CountDownLatch retryScheduled = new CountDownLatch(1);
  private final CountDownLatch attemptFinished = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientRuntime runtime(Duration initialDelay) {
    return ClientRuntime.builder()
        .baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.defaults().toBuilder().initialDelay(initialDelay).jitter(Jitter.NONE).build())
        .listener(new CallListener() {
          @Override
          public void retryScheduled(OperationSpec operation, int next, Duration delay, String reason,
              @Nullable Duration hint) {
            retryScheduled.countDown();
          }

          @Override
          public void attemptFinished(OperationSpec operation, int attempt, int status, @Nullable Throwable failure,
              Duration duration) {
            attemptFinished.countDown();
          }
        })
        .build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"status\": " + code + "}").build();
  }

  @Test
  void retriesWithoutBlockingTheCaller() {
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(status(200));
    try (ClientRuntime runtime = runtime(Duration.ofMillis(10))) {
      CompletableFuture<Map<String, Object>> future = runtime.executeAsync(ApiRequest.builder(GET).build(), MAP_TYPE);

      assertThat(future.orTimeout(5, TimeUnit.SECONDS).join()).containsEntry("status", 200L);
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void failuresCompleteTheFutureWithTheMappedException() {
    server.enqueue(status(404));
    try (ClientRuntime runtime = runtime(Duration.ofMillis(10))) {
      CompletableFuture<Map<String, Object>> future = runtime.executeAsync(ApiRequest.builder(GET).build(), MAP_TYPE);

      assertThatThrownBy(() -> future.orTimeout(5, TimeUnit.SECONDS).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void cancellingDuringTheWaitCancelsThePendingRetry() throws Exception {
    server.enqueue(status(503));
    server.enqueue(status(200));
    try (ClientRuntime runtime = runtime(Duration.ofSeconds(5))) {
      CompletableFuture<Map<String, Object>> future = runtime.executeAsync(ApiRequest.builder(GET).build(), MAP_TYPE);
      assertThat(retryScheduled.await(5, TimeUnit.SECONDS)).isTrue();

      assertThat(future.cancel(true)).isTrue();

      assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
      // The retry was due in 5 s; nothing else reaches the server.
      Thread.sleep(200);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void cancellingInFlightCancelsTheHttpCall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(10, TimeUnit.SECONDS).build());
    try (ClientRuntime runtime = runtime(Duration.ofMillis(10))) {
      CompletableFuture<Map<String, Object>> future = runtime.executeAsync(ApiRequest.builder(GET).build(), MAP_TYPE);
      assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

      future.cancel(true);

      // The attempt ends at once (its call was cancelled), not after the server's 10 s delay.
      assertThat(attemptFinished.await(2, TimeUnit.SECONDS)).isTrue();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }
}
