package dev.bulwark.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * One scripted answer: a status with headers and a body, and how the connection behaves. Immutable; the wither
 * methods return a changed copy.
 */
public final class Reply {
  private final int status;
  private final Map<String, String> headers;
  private final String body;
  private final boolean dropAfterApplied;
  private final Duration bodyDelay;

  private Reply(int status, Map<String, String> headers, String body, boolean dropAfterApplied, Duration bodyDelay) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.dropAfterApplied = dropAfterApplied;
    this.bodyDelay = bodyDelay;
  }

  /** A status without a body, such as {@code status(503)}. */
  public static Reply status(int status) {
    return new Reply(status, Map.of(), "", false, Duration.ZERO);
  }

  /** A JSON body, such as {@code json(200, "{\"id\": 7}")}. */
  public static Reply json(int status, String body) {
    return new Reply(status, Map.of("Content-Type", "application/json"), body, false, Duration.ZERO);
  }

  /** A {@code text/event-stream} body of these events' data lines, each event ended by a blank line. */
  public static Reply eventStream(String... data) {
    StringBuilder text = new StringBuilder();
    for (String event : data) {
      text.append("data: ").append(event).append("\n\n");
    }
    return new Reply(200, Map.of("Content-Type", "text/event-stream"), text.toString(), false, Duration.ZERO);
  }

  /** A 429 asking the client to wait, as {@code Retry-After: <seconds>}. */
  public static Reply rateLimited(long retryAfterSeconds) {
    return status(429).header("Retry-After", String.valueOf(retryAfterSeconds));
  }

  /** This reply with a header. */
  public Reply header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Reply(status, more, body, dropAfterApplied, bodyDelay);
  }

  /**
   * This reply applied by the server (it is recorded as received) but never delivered: the connection breaks before
   * the response, so the client cannot know whether the request took effect.
   */
  public Reply droppedAfterApplied() {
    return new Reply(status, headers, body, true, bodyDelay);
  }

  /** This reply with its body held back by {@code delay}, to run into the client's read or attempt timeout. */
  public Reply slowBody(Duration delay) {
    return new Reply(status, headers, body, dropAfterApplied, Objects.requireNonNull(delay, "delay"));
  }

  int status() {
    return status;
  }

  MockResponse toResponse() {
    MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
    headers.forEach(response::setHeader);
    if (dropAfterApplied) {
      response.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
    }
    if (!bodyDelay.isZero()) {
      response.bodyDelay(bodyDelay.toMillis(), TimeUnit.MILLISECONDS);
    }
    return response.build();
  }

  @Override
  public String toString() {
    return "Reply{" + status + (dropAfterApplied ? ", dropped after applied" : "") + "}";
  }
}
