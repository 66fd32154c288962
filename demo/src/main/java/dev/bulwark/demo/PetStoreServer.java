package dev.bulwark.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A small in-memory pet store on loopback that speaks the sample spec, so the demo calls a real HTTP server. It keeps
 * pets as JSON text: the demo shows the client, not a server framework.
 */
final class PetStoreServer implements AutoCloseable {
  private static final Pattern PET_PATH = Pattern.compile("/v1/pets/(\\d+)");
  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

  private final MockWebServer server = new MockWebServer();
  private final Map<Long, String> pets = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final List<String> log = new ArrayList<>();
  /** Orders by the idempotency key they were placed with, so that a repeated key places nothing twice. */
  private final Map<String, String> ordersByKey = new ConcurrentHashMap<>();
  /** The first order's answer is lost on the way: applied, and the connection dropped. */
  private final java.util.concurrent.atomic.AtomicBoolean orderDropped =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** The first inventory is refused with 429 and Retry-After, to show the server's wait honoured. */
  private final java.util.concurrent.atomic.AtomicBoolean inventoryThrottled =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** The first listing fails twice with 503, to show retries. */
  private final java.util.concurrent.atomic.AtomicInteger listingFailures =
      new java.util.concurrent.atomic.AtomicInteger();

  PetStoreServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = handle(request);
        String key = request.getHeaders().get("Idempotency-Key");
        synchronized (log) {
          log.add(request.getMethod() + " " + request.getTarget() + " -> " + response.getCode()
              + (response.getOnResponseStart() != null ? ", applied, then the connection dropped" : "")
              + (key == null ? "" : " (Idempotency-Key " + key.substring(0, 8) + "...)"));
        }
        return response;
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
    // A pet a newer server wrote: a status the spec does not list, and a field it does not know.
    pets.put(100L, "{\"id\": 100, \"name\": \"Nemo\", \"status\": \"adopted\", \"microchip\": \"985-112\","
        + " \"createdAt\": \"2026-11-29T10:00:00Z\"}");
  }

  /** The base URL clients use, with the spec's {@code /v1} prefix. */
  String baseUrl() {
    return server.url("/v1").toString();
  }

  /** What the server saw, one line per request. */
  List<String> requestLog() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  private MockResponse handle(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String method = request.getMethod();
    if (path.equals("/v1/health")) {
      return json(200, "{\"status\": \"up\"}");
    }
    if (!"Bearer demo-token".equals(request.getHeaders().get("Authorization")) && !path.startsWith("/v1/store")) {
      return json(401, "{\"code\": \"unauthorized\", \"message\": \"send a bearer token\"}");
    }
    if (path.equals("/v1/pets") && method.equals("POST")) {
      String body = request.getBody() == null ? "{}" : request.getBody().utf8();
      if (nameIn(body).isEmpty()) {
        // RFC 9457 problem details, as many APIs answer a rejected request.
        return new MockResponse.Builder().code(422).setHeader("Content-Type", "application/problem+json")
            .body("{\"type\": \"https://petstore.example.com/problems/invalid-pet\", \"title\": \"Invalid pet\","
                + " \"status\": 422, \"detail\": \"a pet needs a name\"}").build();
      }
      long id = nextId.getAndIncrement();
      String pet = "{\"id\": " + id + ", \"createdAt\": \"2026-11-30T09:00:00Z\", " + body.strip().substring(1);
      pets.put(id, pet);
      return json(201, pet);
    }
    if (path.equals("/v1/pets") && method.equals("GET") && listingFailures.getAndIncrement() < 2) {
      return json(503, "{\"code\": \"overloaded\", \"message\": \"try again\"}");
    }
    if (path.equals("/v1/pets") && method.equals("GET")) {
      return json(200, "{\"items\": [" + String.join(", ", pets.values()) + "], \"nextCursor\": null}");
    }
    Matcher pet = PET_PATH.matcher(path);
    if (pet.matches()) {
      long id = Long.parseLong(pet.group(1));
      String stored = pets.get(id);
      if (stored == null) {
        return json(404, "{\"code\": \"not_found\", \"message\": \"no pet with id " + id + "\"}");
      }
      if (method.equals("DELETE")) {
        pets.remove(id);
        return new MockResponse.Builder().code(204).build();
      }
      return json(200, stored);
    }
    if (path.equals("/v1/store/orders") && method.equals("POST")) {
      String key = request.getHeaders().get("Idempotency-Key");
      String known = key == null ? null : ordersByKey.get(key);
      if (known != null) {
        // The same key again: the order was placed already; answer as the first time, applying nothing twice.
        return json(201, known);
      }
      String order = "{\"id\": " + (500 + ordersByKey.size()) + ", "
          + request.getBody().utf8().strip().substring(1);
      if (key != null) {
        ordersByKey.put(key, order);
      }
      if (!orderDropped.getAndSet(true)) {
        // Applied, then the connection breaks before the answer: the client cannot know the order was placed.
        return new MockResponse.Builder().code(201).setHeader("Content-Type", "application/json").body(order)
            .onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build();
      }
      return json(201, order);
    }
    if (path.equals("/v1/store/inventory") && inventoryThrottled.compareAndSet(false, true)) {
      return new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
          .setHeader("Content-Type", "application/json")
          .body("{\"code\": \"rate_limited\", \"message\": \"slow down\"}").build();
    }
    if (path.equals("/v1/store/inventory")) {
      return json(200, "{\"available\": " + pets.size() + "}");
    }
    return json(404, "{\"code\": \"no_route\", \"message\": \"" + method + " " + path + "\"}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** The pet's name, for the log. */
  static String nameIn(String json) {
    Matcher matcher = NAME.matcher(json);
    return matcher.find() ? matcher.group(1) : "?";
  }

  @Override
  public void close() {
    server.close();
  }
}
