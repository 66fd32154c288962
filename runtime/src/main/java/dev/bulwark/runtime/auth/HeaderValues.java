package dev.bulwark.runtime.auth;

import java.util.Locale;

/**
 * Checks header names and values before they are sent, saying what is wrong without ever quoting the value, which may
 * be a credential (OkHttp's own check quotes it: "Unexpected char 0x0a at 32 in X-API-Key value: sk-..."). The runtime
 * checks every credential when it is set and every header a caller adds.
 */
public final class HeaderValues {
  private HeaderValues() {}

  /**
   * @param what what the value is, for the message: {@code "the API key for header X-API-Key"}
   * @throws IllegalArgumentException naming the header, the character and its position, but not the value
   */
  public static void requireLegal(String name, String value, String what) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + ": the header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IllegalArgumentException(what + ": the header name '" + printable(name) + "' has "
            + describe(c) + " at position " + i);
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < ' ' || c >= 0x7f)) {
        String hint = (c == '\n' || c == '\r') && i >= value.length() - 2
            ? " (a trailing line break, often copied with a key)" : "";
        throw new IllegalArgumentException(what + " has " + describe(c) + " at position " + i + " of "
            + value.length() + hint + ", which a header cannot carry; the value is not shown");
      }
    }
  }

  /**
   * For text that is encoded before it travels (a basic-auth password, an OAuth client secret): any character but a
   * control character, which is a copying mistake.
   *
   * @throws IllegalArgumentException naming the character and its position, but not the value
   */
  public static void requireNoControlCharacters(String value, String what) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c == 0x7f) {
        String hint = (c == '\n' || c == '\r') && i >= value.length() - 2
            ? " (a trailing line break, often copied with a key)" : "";
        throw new IllegalArgumentException(what + " has " + describe(c) + " at position " + i + " of "
            + value.length() + hint + "; the value is not shown");
      }
    }
  }

  private static String describe(char c) {
    String name = switch (c) {
      case '\n' -> "a line feed";
      case '\r' -> "a carriage return";
      case ' ' -> "a space";
      default -> c < ' ' || c == 0x7f ? "a control character" : c >= 0x7f ? "a non-ASCII character" : "'" + c + "'";
    };
    return name + " (0x" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")";
  }

  private static String printable(String name) {
    StringBuilder text = new StringBuilder();
    name.chars().limit(64).forEach(c -> text.append(c < ' ' || c >= 0x7f ? '?' : (char) c));
    return text.toString();
  }
}
