package dev.bulwark.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The resilience settings a build gives for a whole spec (the plugin's {@code idempotencyKeyHeader}, {@code retry}
 * and {@code timeouts}), applied as if written at the spec's root: {@code x-bulwark-idempotency-key},
 * {@code x-bulwark-retry} and {@code x-bulwark-timeout} there, their members replacing the spec's own root values;
 * paths and operations that set their own still win. They are read and checked as those extensions are, so a bad
 * value is reported at {@code /x-bulwark-retry/maxAttempts}.
 *
 * @param idempotencyKeyHeader the header of the idempotency key every POST and PATCH sends, if any
 * @param retry {@code x-bulwark-retry} members, such as {@code maxAttempts=4}, {@code initialDelay=200ms}
 * @param timeouts {@code x-bulwark-timeout} members, such as {@code call=30s}
 */
public record RootSettings(Optional<String> idempotencyKeyHeader, Map<String, String> retry,
    Map<String, String> timeouts) {
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  /** No settings: the spec as it is. */
  public static final RootSettings NONE = new RootSettings(Optional.empty(), Map.of(), Map.of());

  public RootSettings {
    retry = Map.copyOf(new TreeMap<>(retry));
    timeouts = Map.copyOf(new TreeMap<>(timeouts));
  }

  public boolean isEmpty() {
    return idempotencyKeyHeader.isEmpty() && retry.isEmpty() && timeouts.isEmpty();
  }

  /** The settings merged into a copy of {@code document}'s root. */
  JsonNode applyTo(JsonNode document) {
    if (isEmpty() || !document.isObject()) {
      return document;
    }
    ObjectNode root = document.deepCopy();
    idempotencyKeyHeader.ifPresent(header -> root.putObject("x-bulwark-idempotency-key").put("header", header));
    merge(root, "x-bulwark-retry", retry);
    merge(root, "x-bulwark-timeout", timeouts);
    return root;
  }

  private static void merge(ObjectNode root, String extension, Map<String, String> members) {
    if (members.isEmpty()) {
      return;
    }
    ObjectNode target = root.get(extension) instanceof ObjectNode existing ? existing : root.putObject(extension);
    members.forEach((name, value) -> target.set(name, typed(value.strip())));
  }

  /** A value as its JSON type: a whole number, a decimal, a boolean, else text (a duration such as {@code 2s}). */
  private static JsonNode typed(String value) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (INTEGER.matcher(value).matches()) {
      // As a parser reads it: an int where one fits, which is what the extensions' readers take.
      long number = Long.parseLong(value);
      return number == (int) number ? json.numberNode((int) number) : json.numberNode(number);
    }
    if (DECIMAL.matcher(value).matches()) {
      return json.numberNode(Double.parseDouble(value));
    }
    if (value.equals("true") || value.equals("false")) {
      return json.booleanNode(Boolean.parseBoolean(value));
    }
    return json.textNode(value);
  }

  @Override
  public String toString() {
    return "RootSettings{key=" + idempotencyKeyHeader.orElse("") + ", retry=" + new TreeMap<>(retry) + ", timeouts="
        + new TreeMap<>(timeouts) + "}";
  }
}
