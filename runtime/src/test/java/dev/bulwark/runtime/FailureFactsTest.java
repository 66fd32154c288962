package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.bulwark.runtime.error.BadRequestException;
import dev.bulwark.runtime.error.BulwarkException;
import dev.bulwark.runtime.error.ConnectionException;
import dev.bulwark.runtime.error.OutcomeUnknownException;
import dev.bulwark.runtime.error.ServerErrorException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a failed call tells its caller, decided from what OkHttp reported rather than guessed: whether anything was
 * sent, whether the server may have applied the request, the idempotency key to try again with, and messages that
 * quote no raw server bytes.
 */
class FailureFactsTest {
  private static final Type MAP_TYPE = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final OperationSpec POST = OperationSpec.builder("createThing", "POST", "/things").build();
  private static final OperationSpec KEYED_POST = OperationSpec.builder("createKeyed", "POST", "/things")
      .idempotencyKeyHeader("Idempotency-Key")
      .build();
  private static final OperationSpec GET = OperationSpec.builder("getThing", "GET", "/things/1").build();

  private final MockWebServer server = new MockWebServer();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private ServerSocket raw;

  @AfterEach
  void stop() throws IOException {
    server.close();
    if (raw != null) {
      raw.close();
    }
  }

  private ClientRuntime.Builder runtime(String baseUrl) {
    return ClientRuntime.builder()
        .baseUrl(baseUrl)
        .ticker(nanos::get)
        .sleeper(delay -> nanos.addAndGet(delay.toNanos()))
        .random(() -> 0.5);
  }

  /** A loopback socket server that runs {@code handler} on each connection, counting them. */
  private String rawServer(AtomicInteger connections, SocketHandler handler) throws IOException {
    raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!raw.isClosed()) {
        try (Socket socket = raw.accept()) {
          connections.incrementAndGet();
          handler.handle(socket);
        } catch (IOException closed) {
          return;
        }
      }
    }, "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
    return "127.0.0.1:" + raw.getLocalPort();
  }

  private interface SocketHandler {
    void handle(Socket socket) throws IOException;
  }

  @Test
  void aPostThatFailedBeforeItsRequestWasWrittenIsRetriedWhateverTheException() throws Exception {
    // A TLS handshake cut short: the failure is no ConnectException, but OkHttp never began writing the request.
    AtomicInteger connections = new AtomicInteger();
    String address = rawServer(connections, socket -> { });
    try (ClientRuntime runtime = runtime("https://" + address + "/").build()) {
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(POST).build(), MAP_TYPE))
          .isInstanceOfSatisfying(ConnectionException.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.mayHaveBeenApplied()).isFalse();
            assertThat(e.idempotencyKey()).isNull();
          });
      assertThat(connections.get()).isEqualTo(3);
    }
  }

  @Test
  void anUnkeyedPostAfterTheServerClosedItsIdlePooledConnectionSucceeds() throws Exception {
    // The server closes each connection once it has answered, without saying so: the pool still holds it.
    server.enqueue(new MockResponse.Builder().body("{}").onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    server.enqueue(new MockResponse.Builder().code(201).body("{}").build());
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (ClientRuntime runtime = runtime(server.url("/").toString()).build()) {
      runtime.execute(ApiRequest.builder(GET).build(), MAP_TYPE);
      Thread.sleep(50);
      runtime.execute(ApiRequest.builder(POST).jsonBody(Map.of("name", "Rex"), MAP_TYPE).build(), MAP_TYPE);
    }
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isZero();
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).as("a fresh connection").isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPostWhoseRequestWasWrittenIsNeverRepeated() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (ClientRuntime runtime = runtime(server.url("/").toString()).build()) {
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(POST).build(), MAP_TYPE))
          .isInstanceOfSatisfying(OutcomeUnknownException.class,
              e -> assertThat(e.mayHaveBeenApplied()).isTrue());
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void everyExceptionOfAKeyedCallCarriesItsKeyAndSaysWhetherItMayHaveBeenApplied() throws Exception {
    // Applied, then the connection dropped; then the server was unavailable twice.
    server.enqueue(new MockResponse.Builder().code(201).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(400).body("{}").build());
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (ClientRuntime runtime = runtime(server.url("/").toString()).build()) {
      BulwarkException failure = null;
      try {
        runtime.execute(ApiRequest.builder(KEYED_POST).build(), MAP_TYPE);
      } catch (BulwarkException e) {
        failure = e;
      }
      assertThat(failure).isInstanceOf(ServerErrorException.class);
      String sent = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key");
      assertThat(failure.idempotencyKey()).isEqualTo(sent).isNotNull();
      assertThat(failure.mayHaveBeenApplied()).isTrue();
      assertThat(failure.getMessage()).contains("may have applied the request", "send the same idempotency key",
          "RequestOptions.builder().idempotencyKey(e.idempotencyKey())", sent);

      // Tried again with the same key: refused outright, so nothing was applied by this call.
      BulwarkException refused = null;
      try {
        runtime.execute(ApiRequest.builder(KEYED_POST)
            .options(RequestOptions.builder().idempotencyKey(sent).build()).build(), MAP_TYPE);
      } catch (BulwarkException e) {
        refused = e;
      }
      assertThat(refused).isInstanceOf(BadRequestException.class);
      assertThat(refused.idempotencyKey()).isEqualTo(sent);
      assertThat(refused.mayHaveBeenApplied()).isFalse();
      assertThat(refused.getMessage()).contains("the server did not apply the request");
    }
  }

  @Test
  void aServersNoToRetryingMakesTheExceptionNotRetryable() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("x-should-retry", "false").build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (ClientRuntime runtime = runtime(server.url("/").toString()).build()) {
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET).build(), MAP_TYPE))
          .isInstanceOfSatisfying(ServerErrorException.class, e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.isRetryable()).isFalse();
          });
    }
  }

  @Test
  void rawServerBytesInATransportFailureAreBoundedAndSanitised() throws Exception {
    String garbage = "HTTP/1.1 2x0 \u0001\u001b[31mSECRET-LOOKING " + "x".repeat(500) + "\r\n\r\n";
    String address = rawServer(new AtomicInteger(), socket -> {
      socket.getInputStream().read(new byte[4096]);
      OutputStream out = socket.getOutputStream();
      out.write(garbage.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    });
    try (ClientRuntime runtime = runtime("http://" + address + "/").build()) {
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET).build(), MAP_TYPE))
          .isInstanceOfSatisfying(ConnectionException.class, e -> {
            assertThat(e.getMessage()).contains("Unexpected status line").doesNotContain("\u001b", "\u0001")
                .doesNotContain("x".repeat(200));
            assertThat(e.getMessage().length()).isLessThan(400);
          });
    }
  }
}
