package dev.bulwark.demo;

import dev.bulwark.runtime.telemetry.CallEvent;
import dev.bulwark.runtime.telemetry.CallEventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints each retry as it is scheduled, and at the end a table per operation, from the client's call events. */
final class CallTable implements CallEventListener {
  /** What one operation's calls came to. */
  private static final class Row {
    int calls;
    int attempts;
    int retries;
    int succeeded;
    final List<Long> millis = new ArrayList<>();
  }

  private final Map<String, Row> rows = new TreeMap<>();

  @Override
  public synchronized void onEvent(CallEvent event) {
    Row row = rows.computeIfAbsent(event.call().operationId(), id -> new Row());
    if (event instanceof CallEvent.AttemptStarted) {
      row.attempts++;
    } else if (event instanceof CallEvent.RetryScheduled retry) {
      row.retries++;
      System.out.printf("  %-22s %s; waiting %d ms%s, then attempt %d%n", retry.call().operationId() + "()",
          retry.reason(), retry.delay().toMillis(),
          retry.serverHint() == null ? "" : " (the server asked for " + retry.serverHint().toMillis() + " ms)",
          retry.nextAttempt());
    } else if (event instanceof CallEvent.CallFinished finished) {
      row.calls++;
      row.succeeded += finished.outcome() == CallEvent.Outcome.SUCCESS ? 1 : 0;
      row.millis.add(finished.duration().toMillis());
    }
  }

  /** The table: calls, attempts, retries, success rate, p50 and p99 per operation. */
  synchronized String table() {
    StringBuilder text = new StringBuilder(String.format("  %-16s %6s %9s %8s %9s %8s %8s%n", "operation", "calls",
        "attempts", "retries", "success", "p50 ms", "p99 ms"));
    rows.forEach((operation, row) -> {
      List<Long> sorted = new ArrayList<>(row.millis);
      sorted.sort(null);
      text.append(String.format("  %-16s %6d %9d %8d %8.0f%% %8d %8d%n", operation, row.calls, row.attempts,
          row.retries, row.calls == 0 ? 0.0 : 100.0 * row.succeeded / row.calls, percentile(sorted, 50),
          percentile(sorted, 99)));
    });
    return text.toString();
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
