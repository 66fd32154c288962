package dev.bulwark.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.runtime.ApiRequest;
import dev.bulwark.runtime.ClientRuntime;
import dev.bulwark.runtime.EventStream;
import dev.bulwark.runtime.OperationSpec;
import dev.bulwark.runtime.error.NotFoundException;
import dev.bulwark.runtime.error.TimedOutException;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kit against the real runtime: scripted failures retried with fake time (no real waits), a server's wait
 * honoured in fake time, a request applied and its answer lost retried with the same idempotency key, an event
 * stream, a slow body, and an unscripted request.
 */
class ScriptedServerTest {
  @RegisterExtension final ScriptedServer server = new ScriptedServer();
  private final FakeTime time = new FakeTime();

  private static final OperationSpec GET_PET = OperationSpec.builder("getPet", "GET", "/pets/{petId}").build();
  private static final OperationSpec PLACE_ORDER = OperationSpec.builder("placeOrder", "POST", "/orders")
      .idempotencyKeyHeader("Idempotency-Key").build();
  private static final OperationSpec TAIL = OperationSpec.builder("tail", "GET", "/log").build();

  private ClientRuntime client() {
    return ClientRuntime.builder().baseUrl(server.url()).retryPolicy(RetryPolicy.defaults().toBuilder()
        .maxAttempts(3).build()).sleeper(time).ticker(time).clock(time.clock()).build();
  }

  @Test
  void scriptedFailuresAreRetriedInFakeTime() {
    server.on("GET", "/pets/{petId}").reply(Reply.status(503), Reply.status(503), Reply.json(200, "{\"id\": 7}"));
    try (ClientRuntime client = client()) {
      Map<String, Object> pet = client.execute(ApiRequest.builder(GET_PET).pathParameter("petId", 7).build(),
          Map.class);
      assertThat(pet).containsEntry("id", 7L);
    }
    assertThat(server.received("GET", "/pets/{petId}")).hasSize(3);
    assertThat(time.waits()).hasSize(2);
    assertThat(server.headerValues("GET", "/pets/{petId}", "Bulwark-Attempt"))
        .containsExactly("attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3");
  }

  @Test
  void aServersRetryAfterIsWaitedInFakeTime() {
    server.on("GET", "/pets/{petId}").reply(Reply.rateLimited(2), Reply.json(200, "{\"id\": 7}"));
    try (ClientRuntime client = client()) {
      client.execute(ApiRequest.builder(GET_PET).pathParameter("petId", 7).build(), Map.class);
    }
    assertThat(time.waits()).singleElement().satisfies(wait ->
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
  }

  @Test
  void aRequestAppliedAndItsAnswerLostIsRetriedWithTheSameKey() {
    server.on("POST", "/orders").reply(Reply.json(201, "{\"id\": 500}").droppedAfterApplied(),
        Reply.json(201, "{\"id\": 500}"));
    try (ClientRuntime client = client()) {
      Map<String, Object> order = client.execute(ApiRequest.builder(PLACE_ORDER)
          .jsonBody(Map.of("petId", 7), Map.class).build(), Map.class);
      assertThat(order).containsEntry("id", 500L);
    }
    List<String> keys = server.headerValues("POST", "/orders", "Idempotency-Key");
    assertThat(keys).hasSize(2).doesNotContainNull();
    assertThat(keys.get(1)).isEqualTo(keys.get(0));
  }

  @Test
  void anEventStreamIsServedAsScripted() throws Exception {
    server.on("GET", "/log").reply(Reply.eventStream("one", "two", "[DONE]"));
    List<String> events = new ArrayList<>();
    try (ClientRuntime client = client();
        EventStream<String> stream = client.stream(ApiRequest.builder(TAIL).build(), String.class, "[DONE]")) {
      stream.forEach(events::add);
    }
    assertThat(events).containsExactly("one", "two");
  }

  @Test
  void aSlowBodyRunsIntoTheClientsAttemptTimeout() {
    server.on("GET", "/pets/{petId}").reply(Reply.json(200, "{\"id\": 7}").slowBody(Duration.ofSeconds(5)));
    // Real time here, bounded: the attempt's limit is 300 ms, the body would come after 5 s.
    try (ClientRuntime client = ClientRuntime.builder().baseUrl(server.url()).retryPolicy(RetryPolicy.none())
        .timeouts(TimeoutPolicy.builder().attempt(Duration.ofMillis(300)).build()).build()) {
      assertThatThrownBy(() -> client.execute(ApiRequest.builder(GET_PET).pathParameter("petId", 7).build(),
          Map.class)).isInstanceOf(TimedOutException.class);
    }
    assertThat(server.received("GET", "/pets/{petId}")).hasSize(1);
  }

  @Test
  void anUnscriptedRequestIsAnswered404AndRecorded() {
    try (ClientRuntime client = client()) {
      assertThatThrownBy(() -> client.execute(ApiRequest.builder(GET_PET).pathParameter("petId", 1).build(),
          Map.class)).isInstanceOf(NotFoundException.class).hasMessageContaining("no script for GET /pets/1");
    }
    assertThat(server.received()).hasSize(1);
  }
}
