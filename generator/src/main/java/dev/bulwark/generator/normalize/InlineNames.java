package dev.bulwark.generator.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The name several places share for one inline class: the words their own names for it have in common. */
final class InlineNames {
  /** Words too general to be a class name on their own. */
  private static final Set<String> GENERIC = Set.of("Response", "Request", "Item", "Items", "Error", "Body", "Params",
      "Result", "Data", "Value", "Object", "Meta", "Event", "Type", "Status", "Enum", "List", "Default");

  private InlineNames() {}

  /**
   * The words every name has, in their order ({@code ListAlphaSenderResponseMeta} and {@code
   * ListPhoneNumberResponseMeta} give {@code ListResponseMeta}; {@code CreateBookingResponse} and {@code
   * GetBookingResponse} give {@code BookingResponse}; {@code UpdateIncomingPhoneNumberRequestVoiceMethod} and
   * {@code CreateIncomingPhoneNumberLocalRequestVoiceMethod} give {@code IncomingPhoneNumberRequestVoiceMethod}), or
   * empty where their last words differ (they name different kinds of thing) or all they share is one word too
   * general to name a class ({@code Response}).
   */
  static String common(List<String> names) {
    List<List<String>> words = names.stream().map(InlineNames::words).toList();
    String last = words.get(0).get(words.get(0).size() - 1);
    if (words.stream().anyMatch(w -> !w.get(w.size() - 1).equals(last))) {
      return "";
    }
    List<String> shared = words.get(0);
    for (List<String> other : words.subList(1, words.size())) {
      shared = longestCommonSubsequence(shared, other);
    }
    if (shared.size() == 1 && GENERIC.contains(shared.get(0)) || Character.isDigit(shared.get(0).charAt(0))) {
      return "";
    }
    return String.join("", shared);
  }

  /** The longest run of words both have in the same order, not necessarily next to each other. */
  private static List<String> longestCommonSubsequence(List<String> a, List<String> b) {
    int[][] length = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        length[i][j] = a.get(i).equals(b.get(j)) ? length[i + 1][j + 1] + 1
            : Math.max(length[i + 1][j], length[i][j + 1]);
      }
    }
    List<String> common = new ArrayList<>();
    for (int i = 0, j = 0; i < a.size() && j < b.size(); ) {
      if (a.get(i).equals(b.get(j))) {
        common.add(a.get(i));
        i++;
        j++;
      } else if (length[i + 1][j] >= length[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  /** {@code GetAnAlbum401Error} as {@code [Get, An, Album, 401, Error]}. */
  static List<String> words(String name) {
    return Arrays.asList(name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])"));
  }
}
