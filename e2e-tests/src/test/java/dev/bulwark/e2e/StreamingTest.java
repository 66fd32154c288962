package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.e2e.feeds.FeedsClient;
import dev.bulwark.e2e.feeds.model.Activity;
import dev.bulwark.e2e.feeds.model.ActivityKind;
import dev.bulwark.runtime.EventStream;
import dev.bulwark.runtime.error.ConnectionException;
import dev.bulwark.runtime.error.ResponseNotUnderstoodException;
import dev.bulwark.runtime.error.ServerErrorException;
import dev.bulwark.runtime.error.StreamErrorException;
import dev.bulwark.runtime.retry.RetryPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-sent event streams of {@code sample-specs/feeds.yaml} against MockWebServer: normal end, sentinel, early
 * close, a connection broken mid-stream, an error event, and retries before the first event.
 */
class StreamingTest {
  private final FakeTime time = new FakeTime();
  private final MockWebServer server = new MockWebServer();
  private FeedsClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = FeedsClient.builder().baseUrl(server.url("/").toString()).sleeper(time.sleeper()).ticker(time.ticker())
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static MockResponse events(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  /** A chunked body that writes {@code before}, then runs {@code then} (which may block or throw). */
  private static MockResponse events(String before, Then then) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8(before).flush();
        then.run(sink);
      }
    }).build();
  }

  interface Then {
    void run(BufferedSink sink) throws IOException;
  }

  @Test
  void aStreamEndsWhenTheServerEndsItAndJoinsDataLinesSkippingComments() throws Exception {
    server.enqueue(events(": keep-alive\n\ndata: one\n\nevent: line\nid: 7\ndata: two\ndata: lines\n\ndata: unfinished"));
    List<String> lines = new ArrayList<>();
    try (EventStream<String> log = client.events().tailLog()) {
      assertThat(log.statusCode()).isEqualTo(200);
      log.forEach(lines::add);
    }
    assertThat(lines).containsExactly("one", "two\nlines");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void theSentinelEndsTheStreamAndTypedEventsAreRead() throws Exception {
    server.enqueue(events("data: {\"kind\": \"created\", \"articleId\": \"a1\"}\n\n"
        + "data: {\"kind\": \"archived\", \"articleId\": \"a1\"}\n\n"
        + "data: [DONE]\n\ndata: {\"kind\": \"deleted\"}\n\n"));
    List<Activity> activity = new ArrayList<>();
    try (EventStream<Activity> stream = client.events().streamActivity("news")) {
      stream.forEach(activity::add);
    }
    assertThat(activity).extracting(Activity::getArticleId).containsExactly("a1", "a1");
    assertThat(activity.get(0).getKind().known()).isEqualTo(ActivityKind.Known.CREATED);
    assertThat(activity.get(1).getKind().getValue()).isEqualTo("archived");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().queryParameter("topic")).isEqualTo("news");
  }

  @Test
  void anOperationWithJsonAndAStreamHasBothMethodsAndItsOwnSentinel() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"kind\": \"updated\"}").build());
    server.enqueue(events("data: {\"kind\": \"updated\"}\n\ndata: END\n\n"));
    assertThat(client.events().getArticleStatus("a1").getKind().known()).isEqualTo(ActivityKind.Known.UPDATED);
    try (EventStream<Activity> stream = client.events().getArticleStatusStream("a1")) {
      assertThat(stream.stream().map(a -> a.getKind().getValue()).toList()).containsExactly("updated");
    }
    assertThat(server.takeRequest().getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(server.takeRequest().getHeaders().get("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void closingEarlyReleasesTheConnection() throws Exception {
    CountDownLatch writeFailed = new CountDownLatch(1);
    server.enqueue(events("data: first\n\n", sink -> {
      try {
        for (int i = 0; i < 10_000; i++) {
          sink.writeUtf8("data: more " + i + "\n\n").flush();
          Thread.sleep(5);
        }
      } catch (IOException e) {
        writeFailed.countDown();
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    try (EventStream<String> log = client.events().tailLog()) {
      assertThat(log.iterator().next()).isEqualTo("first");
    }
    assertThat(writeFailed.await(10, TimeUnit.SECONDS)).as("the server saw the connection closed").isTrue();
  }

  @Test
  void aConnectionBrokenMidStreamEndsIterationWithAConnectionException() {
    // The server closes the socket halfway through the body: inside the comment that follows the two events.
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body("data: first\n\ndata: second\n\n: " + "x".repeat(60) + "\n\ndata: never\n\n")
        .onResponseBody(new SocketEffect.CloseSocket())
        .build());
    List<String> seen = new ArrayList<>();
    EventStream<String> log = client.events().tailLog();
    assertThatThrownBy(() -> log.forEach(seen::add)).isInstanceOf(ConnectionException.class)
        .hasMessageContaining("tailLog");
    assertThat(seen).containsExactly("first", "second");
    assertThat(server.getRequestCount()).as("no retry once events flowed").isEqualTo(1);
  }

  @Test
  void anErrorEventEndsIterationWithAStreamErrorException() {
    server.enqueue(events("data: {\"kind\": \"created\"}\n\n"
        + "event: error\ndata: {\"error\": {\"code\": \"overloaded\", \"message\": \"try later\"}}\n\n"));
    List<Activity> seen = new ArrayList<>();
    try (EventStream<Activity> stream = client.events().streamActivity("news")) {
      assertThatThrownBy(() -> stream.forEach(seen::add)).isInstanceOfSatisfying(StreamErrorException.class, e -> {
        assertThat(e.code()).isEqualTo("overloaded");
        assertThat(e.errorMessage()).isEqualTo("try later");
        assertThat(e.operationId()).isEqualTo("streamActivity");
      });
    }
    assertThat(seen).hasSize(1);
  }

  @Test
  void malformedEventDataNamesTheOperationAndShowsAnExcerpt() {
    server.enqueue(events("data: {\"kind\": \n\n"));
    try (EventStream<Activity> stream = client.events().streamActivity("news")) {
      assertThatThrownBy(() -> stream.iterator().hasNext()).isInstanceOf(ResponseNotUnderstoodException.class)
          .hasMessageContaining("streamActivity").hasMessageContaining("{\"kind\":");
    }
  }

  @Test
  void failuresBeforeTheFirstEventAreRetriedByThePolicy() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(": opening " + "x".repeat(60) + "\n\ndata: never\n\n")
        .onResponseBody(new SocketEffect.CloseSocket())
        .build());
    server.enqueue(events("data: finally\n\n"));
    try (EventStream<String> log = client.events().tailLog()) {
      assertThat(log.stream().toList()).containsExactly("finally");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.waits).hasSize(2);
  }

  @Test
  void aStreamThatKeepsFailingGivesTheStatusException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    }
    assertThatThrownBy(() -> client.events().tailLog()).isInstanceOf(ServerErrorException.class);
    assertThat(server.getRequestCount()).isEqualTo(RetryPolicy.defaults().maxAttempts());
  }

  @Test
  void aStreamOutlastsTheHttpClientsOwnCallTimeout() {
    // About 450 ms of events against a client whose call timeout is 200 ms: only the watchdog up to the first event
    // and the read timeout between bytes apply to a stream.
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body("data: a\n\ndata: b\n\ndata: c\n\n").throttleBody(9, 150, TimeUnit.MILLISECONDS).build());
    okhttp3.OkHttpClient impatient = new okhttp3.OkHttpClient.Builder()
        .callTimeout(java.time.Duration.ofMillis(200)).build();
    try (FeedsClient patient = FeedsClient.builder().baseUrl(server.url("/").toString()).okHttpClient(impatient)
        .build(); EventStream<String> log = patient.events().tailLog()) {
      assertThat(log.stream().toList()).containsExactly("a", "b", "c");
    } finally {
      impatient.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void theAsyncFormCompletesWithTheOpenStream() throws Exception {
    server.enqueue(events("data: a\n\ndata: b\n\n"));
    try (EventStream<String> log = client.events().tailLogAsync(
        dev.bulwark.e2e.feeds.service.TailLogParams.builder().build(), dev.bulwark.runtime.RequestOptions.none())
        .get(10, TimeUnit.SECONDS)) {
      assertThat(log.stream().toList()).containsExactly("a", "b");
    }
  }
}
