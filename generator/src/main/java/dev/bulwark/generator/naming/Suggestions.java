package dev.bulwark.generator.naming;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name nearest to a mistyped one, for error messages. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The known name within a few edits of {@code name} (case ignored), the nearest first; empty when none is that
   * near.
   *
   * @param slack how many characters of the known name make one more allowed edit: 3 allows one edit per three
   */
  public static Optional<String> nearest(String name, Collection<String> known, int slack) {
    String lower = name.toLowerCase(Locale.ROOT);
    return known.stream()
        .min(Comparator.comparingInt(k -> distance(lower, k.toLowerCase(Locale.ROOT))))
        .filter(k -> distance(lower, k.toLowerCase(Locale.ROOT)) <= Math.max(2, k.length() / slack));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
