package dev.bulwark.generator.lint;

import dev.bulwark.generator.SpecProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings as a build prints them: a finding that recurs across operations is one line per kind, with its count and
 * the first few places, once there are more than a few of it (a 4 MB spec gave 222 lines of the same advice); the
 * full list goes to a report file. Other warnings stay a line each, in order.
 */
public final class WarningSummary {
  /** How many of a kind are printed one by one before they are grouped. */
  public static final int GROUP_ABOVE = 3;
  private static final int SHOWN = 3;

  /** What each kind of recurring finding means, as the grouped line says it. */
  private static final Map<String, String> KINDS = Map.of(
      ResilienceLint.UNKEYED_RETRIES, "operations have retries but are neither idempotent nor keyed; they are retried"
          + " only when the server surely did not process them. Add x-bulwark-idempotency-key (or the plugin's"
          + " idempotencyKeyHeader), x-bulwark-idempotent: true or x-bulwark-retry: false",
      ResilienceLint.SHORT_DEADLINE, "operations have a call deadline shorter than one attempt's timeout",
      "no-operation-id", "operations have no operationId; their methods are named from method and path, and renaming"
          + " a path renames them");

  private WarningSummary() {}

  /**
   * The lines to print for {@code warnings}.
   *
   * @param report where the full list is written, named in each grouped line
   */
  public static List<String> lines(List<SpecProblem> warnings, String report) {
    Map<String, List<SpecProblem>> byKind = new LinkedHashMap<>();
    for (SpecProblem warning : warnings) {
      if (!warning.kind().isEmpty()) {
        byKind.computeIfAbsent(warning.kind(), k -> new ArrayList<>()).add(warning);
      }
    }
    List<String> lines = new ArrayList<>();
    List<String> grouped = new ArrayList<>();
    for (SpecProblem warning : warnings) {
      List<SpecProblem> same = byKind.get(warning.kind());
      if (warning.kind().isEmpty() || same.size() <= GROUP_ABOVE) {
        lines.add(warning.toString());
      } else if (!grouped.contains(warning.kind())) {
        grouped.add(warning.kind());
        List<String> places = same.stream().limit(SHOWN).map(WarningSummary::place).toList();
        lines.add(warning.file() + ": " + same.size() + " " + KINDS.getOrDefault(warning.kind(),
            "warnings of kind " + warning.kind()) + " (" + String.join(", ", places) + " and "
            + (same.size() - SHOWN) + " more; every one in " + report + ")");
      }
    }
    return lines;
  }

  /** Whether any kind is grouped, so that the report file is worth writing. */
  public static boolean groups(List<SpecProblem> warnings) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    warnings.stream().filter(w -> !w.kind().isEmpty()).forEach(w -> counts.merge(w.kind(), 1, Integer::sum));
    return counts.values().stream().anyMatch(count -> count > GROUP_ABOVE);
  }

  /** The full list, a warning a line. */
  public static String report(List<SpecProblem> warnings) {
    StringBuilder text = new StringBuilder();
    warnings.forEach(warning -> text.append(warning).append('\n'));
    return text.toString();
  }

  private static String place(SpecProblem warning) {
    return warning.line().isPresent() ? "line " + warning.line().getAsInt() + " " + warning.location()
        : warning.location();
  }
}
