package dev.bulwark.runtime;

import dev.bulwark.runtime.telemetry.CallInterceptor;
import dev.bulwark.runtime.telemetry.LogOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What following a call costs: the same call through the whole runtime, its transport answered in process (no
 * socket, so that the pipeline is what is measured), with nothing listening, with the call log configured but off
 * in SLF4J, with one listener, and with one interceptor around each attempt. Prints time and allocated bytes per
 * call, each as a ratio to nothing listening, measured in the same run in interleaved rounds.
 *
 * <p>Outside the default suite: {@code scripts/bench-telemetry} ({@code -Dbulwark.bench=true}). A harness that
 * prints figures, not a timed test: it asserts nothing.
 */
@EnabledIfSystemProperty(named = "bulwark.bench", matches = "true")
class TelemetryOverheadBench {
  private static final OperationSpec GET = OperationSpec.builder("getItem", "GET", "/items/{id}").build();
  private static final int CALLS = Integer.getInteger("bulwark.bench.calls", 40_000);
  private static final int ROUNDS = Integer.getInteger("bulwark.bench.rounds", 7);

  private static OkHttpClient inProcess() {
    return new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder()
        .request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .body(ResponseBody.create("{\"id\": \"7\"}", MediaType.get("application/json"))).build()).build();
  }

  @Test
  void printOverhead() throws Exception {
    OkHttpClient transport = inProcess();
    Map<String, Supplier<ClientRuntime>> configurations = new LinkedHashMap<>();
    configurations.put("nothing listening", () -> base(transport).logOptions(
        LogOptions.defaults().level(LogOptions.Level.OFF)).build());
    configurations.put("log configured, off in SLF4J", () -> base(transport).build());
    configurations.put("one event listener", () -> base(transport)
        .logOptions(LogOptions.defaults().level(LogOptions.Level.OFF)).eventListener(event -> { }).build());
    configurations.put("one attempt interceptor", () -> base(transport)
        .logOptions(LogOptions.defaults().level(LogOptions.Level.OFF))
        .interceptor(started -> new CallInterceptor.Observer() { }).build());

    Map<String, List<Double>> nanos = new LinkedHashMap<>();
    Map<String, List<Double>> bytes = new LinkedHashMap<>();
    List<ClientRuntime> runtimes = new ArrayList<>();
    configurations.forEach((name, make) -> runtimes.add(make.get()));
    List<String> names = List.copyOf(configurations.keySet());
    for (int i = 0; i < runtimes.size(); i++) {
      run(runtimes.get(i), CALLS / 2);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < runtimes.size(); i++) {
        long allocated = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        run(runtimes.get(i), CALLS);
        long took = System.nanoTime() - start;
        long used = threads.getThreadAllocatedBytes(thread) - allocated;
        nanos.computeIfAbsent(names.get(i), n -> new ArrayList<>()).add((double) took / CALLS);
        bytes.computeIfAbsent(names.get(i), n -> new ArrayList<>()).add((double) used / CALLS);
      }
    }
    runtimes.forEach(ClientRuntime::close);

    double baseTime = median(nanos.get(names.get(0)));
    double baseBytes = median(bytes.get(names.get(0)));
    StringBuilder report = new StringBuilder(String.format("%d calls x %d rounds per configuration, medians%n",
        CALLS, ROUNDS));
    report.append(String.format("%-30s %12s %8s %14s %8s%n", "configuration", "ns/call", "ratio", "bytes/call",
        "ratio"));
    for (String name : names) {
      double time = median(nanos.get(name));
      double allocated = median(bytes.get(name));
      report.append(String.format("%-30s %12.0f %8.3f %14.0f %8.3f%n", name, time, time / baseTime, allocated,
          allocated / baseBytes));
    }
    Files.writeString(Path.of("target/telemetry-overhead.txt"), report);
    System.out.print(report);
  }

  private static ClientRuntime.Builder base(OkHttpClient transport) {
    return ClientRuntime.builder().baseUrl("http://bench.invalid/").okHttpClient(transport).clientName("Bench");
  }

  private static void run(ClientRuntime runtime, int calls) {
    for (int i = 0; i < calls; i++) {
      runtime.execute(ApiRequest.builder(GET).pathParameter("id", i).build(), Map.class);
    }
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
