package dev.bulwark.generator.lint;

import dev.bulwark.generator.SpecProblem;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.ResilienceModel;
import dev.bulwark.generator.model.RetrySettings;
import dev.bulwark.generator.model.ServiceModel;
import dev.bulwark.generator.model.TimeoutSettings;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds resilience hazards in an API and describes what the runtime will do for each operation. The effective values
 * come from the runtime's own defaults, so the plan says exactly what a generated client does.
 */
public final class ResilienceLint {
  private static final Set<String> UNSAFE_METHODS = Set.of("POST", "PATCH");
  /** The kinds of finding the lint makes once per operation. */
  public static final String UNKEYED_RETRIES = "retries-without-idempotency";
  public static final String SHORT_DEADLINE = "deadline-shorter-than-attempt";

  /** One operation's plan. */
  public record PlanRow(
      String method, String path, String operationId, String safety, String retry, String timeouts) {}

  /** What the lint found. */
  public record Report(List<SpecProblem> warnings, List<PlanRow> plan) {
    public Report {
      warnings = List.copyOf(warnings);
      plan = List.copyOf(plan);
    }

    /** The plan as an aligned text table, one operation a line. */
    public String planTable() {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"METHOD", "PATH", "OPERATION", "REPEAT-SAFE", "RETRY", "TIMEOUTS"});
      for (PlanRow row : plan) {
        rows.add(new String[] {row.method(), row.path(), row.operationId(), row.safety(), row.retry(),
            row.timeouts()});
      }
      int[] widths = new int[6];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      StringBuilder table = new StringBuilder();
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          table.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
        }
        table.append('\n');
      }
      return table.toString();
    }
  }

  /**
   * Lints {@code api}.
   *
   * @param file the spec's path as the user gave it, for warnings
   */
  public Report lint(ApiModel api, String file) {
    List<SpecProblem> warnings = new ArrayList<>();
    List<PlanRow> plan = new ArrayList<>();
    boolean anyTimeout = false;
    for (ServiceModel service : api.services()) {
      for (OperationModel operation : service.operations()) {
        ResilienceModel resilience = operation.resilience();
        anyTimeout |= !resilience.timeouts().isEmpty();
        String pointer = "/paths/" + operation.path().replace("~", "~0").replace("/", "~1") + "/"
            + operation.httpMethod().toLowerCase(Locale.ROOT);
        RetryPolicy retry = retryPolicy(resilience.retry());
        TimeoutPolicy timeouts = timeouts(resilience.timeouts());
        boolean keyed = resilience.idempotencyKeyHeader().isPresent();
        boolean idempotent = resilience.idempotent().orElse(!UNSAFE_METHODS.contains(operation.httpMethod()));
        if (!idempotent && !keyed && retry.maxAttempts() > 1) {
          warnings.add(new SpecProblem(file, pointer, OptionalInt.empty(), operation.httpMethod() + " "
              + operation.path() + " has retries but is not idempotent and has no idempotency key: it is retried only"
              + " when the server surely did not process it (connection refused, 408, 429, 503). Add"
              + " x-bulwark-idempotency-key, or x-bulwark-idempotent: true, or x-bulwark-retry: false",
              UNKEYED_RETRIES));
        }
        if (timeouts.call().compareTo(timeouts.attempt()) < 0) {
          warnings.add(new SpecProblem(file, pointer, OptionalInt.empty(), "the call deadline ("
              + text(timeouts.call()) + ") is shorter than one attempt's timeout (" + text(timeouts.attempt())
              + "): an attempt can never use its full time, and retries never happen after a slow attempt",
              SHORT_DEADLINE));
        }
        String safety = idempotent ? (resilience.idempotent().isPresent() ? "yes (marked)" : "yes (method)")
            : keyed ? "keyed (" + resilience.idempotencyKeyHeader().get() + ")" : "no";
        plan.add(new PlanRow(operation.httpMethod(), operation.path(), operation.operationId(), safety,
            describe(retry), "attempt " + text(timeouts.attempt()) + ", call " + text(timeouts.call())));
      }
    }
    if (!anyTimeout && !plan.isEmpty()) {
      TimeoutPolicy defaults = TimeoutPolicy.defaults();
      warnings.add(0, new SpecProblem(file, "", OptionalInt.empty(), "no x-bulwark-timeout anywhere: every call"
          + " uses the runtime defaults (connect " + text(defaults.connect()) + ", read " + text(defaults.read())
          + ", attempt " + text(defaults.attempt()) + ", call " + text(defaults.call()) + "); set them for this API"));
    }
    return new Report(warnings, plan);
  }

  private static RetryPolicy retryPolicy(RetrySettings settings) {
    if (settings.disabled().orElse(false)) {
      return RetryPolicy.none();
    }
    RetryPolicy.Builder policy = RetryPolicy.defaults().toBuilder();
    settings.maxAttempts().ifPresent(policy::maxAttempts);
    settings.initialDelay().ifPresent(policy::initialDelay);
    settings.maxDelay().ifPresent(policy::maxDelay);
    settings.multiplier().ifPresent(policy::multiplier);
    return policy.build();
  }

  private static TimeoutPolicy timeouts(TimeoutSettings settings) {
    TimeoutPolicy.Builder policy = TimeoutPolicy.defaults().toBuilder();
    settings.connect().ifPresent(policy::connect);
    settings.read().ifPresent(policy::read);
    settings.write().ifPresent(policy::write);
    settings.attempt().ifPresent(policy::attempt);
    settings.call().ifPresent(policy::call);
    return policy.build();
  }

  private static String describe(RetryPolicy policy) {
    if (policy.maxAttempts() == 1) {
      return "off";
    }
    return policy.maxAttempts() + " attempts, " + text(policy.initialDelay()) + " x" + trim(policy.multiplier())
        + " up to " + text(policy.maxDelay());
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  static String text(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0 && millis > 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
