package dev.bulwark.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback server for tests of code that uses a generated client, as a JUnit 5 extension: started before each
 * test, closed after it. Script what each operation answers, in order (the last answer repeats), point the client at
 * {@link #url()}, and assert what the server received.
 *
 * <pre>{@code
 * @RegisterExtension final ScriptedServer server = new ScriptedServer();
 * final FakeTime time = new FakeTime();
 *
 * @Test void retriesTwice() {
 *   server.on("GET", "/pets/{petId}").reply(Reply.status(503), Reply.status(503), Reply.json(200, "{...}"));
 *   PetStoreClient client = PetStoreClient.builder().baseUrl(server.url()).sleeper(time).ticker(time).build();
 *   client.pets().getPet(7L);
 *   assertEquals(3, server.received("GET", "/pets/{petId}").size());
 * }
 * }</pre>
 *
 * <p>A request no script matches is answered 404 with a body that says so, and recorded like any other.
 */
public final class ScriptedServer implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
  private final List<Script> scripts = new ArrayList<>();
  private final List<RecordedRequest> received = new ArrayList<>();
  private @org.jspecify.annotations.Nullable MockWebServer server;

  /** What one operation answers, in order. */
  public final class Script {
    private final String method;
    private final Pattern path;
    private final String template;
    private final List<Reply> replies = new ArrayList<>();
    private int next;

    private Script(String method, String template) {
      this.method = method;
      this.template = template;
      this.path = Pattern.compile(Arrays.stream(template.split("\\{[^/}]+}", -1)).map(Pattern::quote)
          .reduce((a, b) -> a + "[^/]+" + b).orElse(""));
    }

    /** The answers, in order; the last one repeats for any further request. */
    public Script reply(Reply... answers) {
      synchronized (ScriptedServer.this) {
        replies.addAll(List.of(answers));
      }
      return this;
    }

    boolean matches(RecordedRequest request) {
      String target = request.getUrl().encodedPath();
      return request.getMethod().equalsIgnoreCase(method) && path.matcher(target).matches();
    }

    MockResponse answer() {
      if (replies.isEmpty()) {
        return Reply.status(500).toResponse();
      }
      Reply reply = replies.get(Math.min(next, replies.size() - 1));
      next++;
      return reply.toResponse();
    }
  }

  /** Scripts the answers to {@code method} on {@code pathTemplate} ({@code /pets/{petId}}, as the spec writes it). */
  public synchronized Script on(String method, String pathTemplate) {
    Script script = new Script(Objects.requireNonNull(method, "method"),
        Objects.requireNonNull(pathTemplate, "pathTemplate"));
    scripts.add(script);
    return script;
  }

  /** The server's base URL, for the client builder's {@code baseUrl}. */
  public String url() {
    if (server == null) {
      throw new IllegalStateException("the server runs during a test; register it with @RegisterExtension");
    }
    return server.url("/").toString();
  }

  /** Every request received, in order. */
  public synchronized List<RecordedRequest> received() {
    return List.copyOf(received);
  }

  /** The requests received for one operation, in order. */
  public synchronized List<RecordedRequest> received(String method, String pathTemplate) {
    Script probe = new Script(method, pathTemplate);
    return received.stream().filter(probe::matches).toList();
  }

  /** The {@code Idempotency-Key} (or another header) of each request received for one operation, in order. */
  public List<String> headerValues(String method, String pathTemplate, String header) {
    return received(method, pathTemplate).stream().map(request -> request.getHeaders().get(header)).toList();
  }

  private synchronized MockResponse dispatch(RecordedRequest request) {
    received.add(request);
    for (Script script : scripts) {
      if (script.matches(request)) {
        return script.answer();
      }
    }
    return Reply.json(404, "{\"message\": \"no script for " + request.getMethod() + " " + request.getUrl().encodedPath()
        + "\"}").toResponse();
  }

  /** A server started outside JUnit (a demo, a main method); close it when done. */
  public static ScriptedServer started() throws IOException {
    ScriptedServer scripted = new ScriptedServer();
    scripted.start();
    return scripted;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    start();
  }

  private void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return ScriptedServer.this.dispatch(request);
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /** Stops the server and forgets its scripts and what it received. */
  @Override
  public void close() {
    synchronized (this) {
      scripts.clear();
      received.clear();
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
