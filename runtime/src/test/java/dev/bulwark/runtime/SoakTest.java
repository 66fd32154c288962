package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Types;
import dev.bulwark.runtime.error.BulwarkException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 16 threads each make 2,000 keyed POSTs against a loopback server that injects faults into 10% of requests (503,
 * 429, a connection reset before applying, a reset after applying) and keeps a ledger of what it applied by
 * idempotency key. Reports what was lost (reported a success the server never applied), hung, duplicated (applied
 * twice), leaked (pooled connections, file descriptors, threads) and the keyed calls reported failed although applied,
 * each of which must carry its key and say it may have been applied.
 *
 * <p>Outside the default suite: {@code scripts/soak} runs it ({@code -Dbulwark.soak=true}). Bounded: 32,000 calls, a
 * 60 s limit per call, 10 minutes in all.
 */
@EnabledIfSystemProperty(named = "bulwark.soak", matches = "true")
class SoakTest {
  private static final Type MAP_TYPE = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final OperationSpec CREATE = OperationSpec.builder("createThing", "POST", "/things")
      .idempotencyKeyHeader("Idempotency-Key")
      .build();
  private static final int THREADS = Integer.getInteger("bulwark.soak.threads", 16);
  private static final int CALLS = Integer.getInteger("bulwark.soak.calls", 2000);

  /** The server's ledger: the idempotency keys under which each logical call (its body's id) was applied. */
  private final Map<String, java.util.Set<String>> applied = new ConcurrentHashMap<>();
  /** Keys the server has applied: a key seen again is answered again, not applied again. */
  private final java.util.Set<String> seenKeys = ConcurrentHashMap.newKeySet();
  private final Map<String, String> results = new ConcurrentHashMap<>();
  private final AtomicLong faults = new AtomicLong();

  private final class FaultyServer extends Dispatcher {
    private final Random random = new Random(20261201L);

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String key = request.getHeaders().get("Idempotency-Key");
      int roll;
      synchronized (random) {
        roll = random.nextInt(100);
      }
      if (roll < 3) {
        faults.incrementAndGet();
        return new MockResponse.Builder().code(503).body("{}").build();
      }
      if (roll < 5) {
        faults.incrementAndGet();
        return new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("{}").build();
      }
      if (roll < 7) {
        // Reset before applying: the server saw the request but did nothing with it.
        faults.incrementAndGet();
        return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
      }
      // An idempotent server: a key applied before is answered again, not applied again; a new key for the same
      // call is applied again, and shows in the ledger as a duplicate.
      String call = request.getBody().utf8().replaceAll(".*\"call\":\"([^\"]+)\".*", "$1");
      if (seenKeys.add(key)) {
        applied.computeIfAbsent(call, k -> ConcurrentHashMap.newKeySet()).add(key);
      }
      if (roll < 10) {
        // Reset after applying: the work is done, the answer is lost.
        faults.incrementAndGet();
        return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
      }
      return new MockResponse.Builder().code(201).setHeader("Content-Type", "application/json")
          .body("{\"key\": \"" + key + "\"}").build();
    }
  }

  @Test
  void keyedCallsUnderInjectedFaults() throws Exception {
    long fdsBefore = openFileDescriptors();
    int threadsBefore = Thread.activeCount();
    List<String> failedButApplied = new ArrayList<>();
    List<String> failedWithoutKey = new ArrayList<>();
    AtomicInteger hung = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long started = System.nanoTime();
    int pooledAfter;
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new FaultyServer());
      server.start(InetAddress.getLoopbackAddress(), 0);
      ExecutorService callers = Executors.newFixedThreadPool(THREADS);
      try (ClientRuntime runtime = ClientRuntime.builder().baseUrl(server.url("/").toString())
          // Waits are not slept: the soak is about outcomes, not timing.
          .sleeper(delay -> { })
          .retryBudget(dev.bulwark.runtime.retry.RetryBudget.unlimited())
          .build()) {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          workers.add(callers.submit(() -> {
            for (int i = 0; i < CALLS; i++) {
              // The runtime generates each call's key; the body names the logical call for the ledger.
              String call = "soak-" + thread + "-" + i;
              try {
                Map<String, Object> body = runtime.execute(ApiRequest.builder(CREATE)
                    .jsonBody(Map.of("call", call), MAP_TYPE).build(), MAP_TYPE);
                results.put(call, String.valueOf(body.get("key")));
              } catch (BulwarkException e) {
                failed.incrementAndGet();
                java.util.Set<String> keys = applied.getOrDefault(call, java.util.Set.of());
                if (e.idempotencyKey() == null || !keys.isEmpty() && !keys.contains(e.idempotencyKey())) {
                  synchronized (failedWithoutKey) {
                    failedWithoutKey.add(call + ": " + e.getClass().getSimpleName());
                  }
                }
                if (!keys.isEmpty()) {
                  synchronized (failedButApplied) {
                    failedButApplied.add(call + " " + e.getClass().getSimpleName() + " mayHaveBeenApplied="
                        + e.mayHaveBeenApplied());
                  }
                }
              }
            }
          }));
        }
        for (Future<?> worker : workers) {
          try {
            worker.get(10, TimeUnit.MINUTES);
          } catch (TimeoutException e) {
            hung.incrementAndGet();
            worker.cancel(true);
          }
        }
        runtime.httpClient().connectionPool().evictAll();
        pooledAfter = runtime.httpClient().connectionPool().connectionCount();
      } finally {
        callers.shutdownNow();
        callers.awaitTermination(1, TimeUnit.MINUTES);
      }
    }
    // Closed dispatchers and the server's threads take a moment to end.
    Thread.sleep(2000);
    long lost = results.keySet().stream().filter(key -> !applied.containsKey(key)).count();
    long duplicated = applied.values().stream().filter(keys -> keys.size() > 1).count();
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    String report = String.format("soak: %d threads x %d keyed calls in %d s, %d faults injected; %d succeeded,"
            + " %d failed; lost %d, hung %d, duplicated %d; leaked: %d pooled connections, %+d file descriptors,"
            + " %+d threads; failed although applied: %d (without the key applied: %d, not saying they may have"
            + " been applied: %d)%n", THREADS, CALLS, seconds, faults.get(), results.size(), failed.get(), lost,
        hung.get(), duplicated, pooledAfter, openFileDescriptors() - fdsBefore, Thread.activeCount() - threadsBefore,
        failedButApplied.size(), failedWithoutKey.size(),
        failedButApplied.stream().filter(line -> line.endsWith("mayHaveBeenApplied=false")).count());
    System.out.print(report);
    Files.writeString(Path.of("target", "soak.txt"), report);
    assertThat(lost).isZero();
    assertThat(hung.get()).isZero();
    assertThat(duplicated).isZero();
    assertThat(failedWithoutKey).isEmpty();
    assertThat(failedButApplied).allSatisfy(line -> assertThat(line).endsWith("mayHaveBeenApplied=true"));
    assertThat(results.size() + failed.get()).isEqualTo(THREADS * CALLS);
  }

  private static long openFileDescriptors() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return 0;
    }
    try (var list = Files.list(fds)) {
      return list.count();
    }
  }
}
