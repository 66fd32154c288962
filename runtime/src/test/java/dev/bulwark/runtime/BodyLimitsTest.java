package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.bulwark.runtime.error.ResponseNotUnderstoodException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buffered response bodies are bounded; streamed downloads are not. */
class BodyLimitsTest {
  private static final Type MAP_TYPE = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final OperationSpec GET = OperationSpec.builder("getThing", "GET", "/things/1").build();

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String json(int bytes) {
    return "{\"data\": \"" + "x".repeat(bytes - 12) + "\"}";
  }

  @Test
  void aBodyPastTheLimitFailsTheCallNamingTheLimitWithoutRetrying() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(json(2048)).build());
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .chunkedBody(json(2048), 100).build());
    server.enqueue(new MockResponse.Builder().code(500).chunkedBody("E".repeat(4096), 512).build());
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .maxResponseBodyBytes(1024).build()) {
      for (String how : List.of("its Content-Length is 2048 bytes", "it went on past the limit", "past the limit")) {
        assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET).build(), MAP_TYPE))
            .isInstanceOfSatisfying(ResponseNotUnderstoodException.class, e -> {
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.bodyExcerpt().length()).isLessThan(600);
            })
            .hasMessageContaining("larger than the 1024 bytes this client reads into memory")
            .hasMessageContaining(how)
            .hasMessageContaining("maxResponseBodyBytes");
      }
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aBodyOfExactlyTheLimitIsReadAndACallMayRaiseIt() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(json(1024)).build());
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(json(4096)).build());
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .maxResponseBodyBytes(1024).build()) {
      assertThat(runtime.<Map<String, Object>>execute(ApiRequest.builder(GET).build(), MAP_TYPE)).containsKey("data");
      assertThat(runtime.<Map<String, Object>>execute(ApiRequest.builder(GET)
          .options(RequestOptions.builder().maxResponseBodyBytes(8192).build()).build(), MAP_TYPE))
          .containsKey("data");
    }
  }

  @Test
  void aStreamedDownloadIsNotBounded() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/octet-stream")
        .body(new Buffer().write(new byte[8192])).build());
    try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
        .maxResponseBodyBytes(1024).build();
        BinaryResponse download = runtime.download(ApiRequest.builder(GET).build())) {
      assertThat(download.inputStream().readAllBytes()).hasSize(8192);
    }
  }

  /**
   * 200 MB bodies (with a length, endless, an error body, a text body) against a client in a JVM of 128 MB of heap:
   * each call fails with the limit named, and nothing runs out of memory.
   */
  @Test
  void hugeBodiesDoNotExhaustASmallHeap() throws Exception {
    try (HugeBodyServer huge = new HugeBodyServer()) {
      Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx128m", "-cp", System.getProperty("java.class.path"), BoundedBodyProbe.class.getName(),
          "http://127.0.0.1:" + huge.port() + "/")
          .redirectErrorStream(true)
          .start();
      List<String> lines;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(),
          StandardCharsets.UTF_8))) {
        lines = out.lines().toList();
      }
      assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(probe.exitValue()).as(String.join("\n", lines)).isZero();
      assertThat(lines).filteredOn(line -> line.startsWith("case ")).hasSize(4)
          .allSatisfy(line -> assertThat(line).contains("ResponseNotUnderstoodException", "33554432 bytes"));
    }
  }
}
