package dev.bulwark.generator.extension;

import dev.bulwark.generator.model.PaginationModel.Style;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an operation's {@code x-bulwark-pagination} (or Speakeasy's {@code x-speakeasy-pagination}) into
 * {@link PaginationSettings}, reporting malformed values through the {@link ExtensionReader} it works for.
 */
public final class PaginationReader {
  public static final String PAGINATION = "x-bulwark-pagination";
  public static final String SPEAKEASY_PAGINATION = "x-speakeasy-pagination";
  private static final Map<String, Style> STYLES = Map.of("cursor", Style.CURSOR, "offset", Style.OFFSET,
      "page", Style.PAGE_NUMBER, "link", Style.LINK_HEADER, "next-url", Style.NEXT_URL);
  private static final Set<String> KEYS = Set.of("style", "items", "nextCursor", "cursorParam", "offsetParam",
      "limitParam", "pageParam", "firstPage", "nextUrl", "hasMore");
  private static final Pattern JSON_PATH_STEP = Pattern.compile("\\.([A-Za-z_$][\\w$-]*)|\\[['\"]([^'\"]+)['\"]]");

  private final ExtensionReader reader;

  public PaginationReader(ExtensionReader reader) {
    this.reader = reader;
  }

  /** The operation's pagination, or empty when it declares none (or declares it wrongly: then an error is kept). */
  public Optional<PaginationSettings> read(Map<String, Object> extensions, String operationPointer) {
    if (extensions == null) {
      return Optional.empty();
    }
    if (extensions.containsKey(PAGINATION)) {
      return bulwark(extensions.get(PAGINATION), ExtensionReader.child(operationPointer, PAGINATION));
    }
    if (extensions.containsKey(SPEAKEASY_PAGINATION)) {
      return speakeasy(extensions.get(SPEAKEASY_PAGINATION),
          ExtensionReader.child(operationPointer, SPEAKEASY_PAGINATION));
    }
    return Optional.empty();
  }

  private Optional<PaginationSettings> bulwark(Object value, String pointer) {
    Map<String, Object> map = reader.object(value, pointer,
        "an object such as {style: cursor, items: /data, nextCursor: /next_cursor}");
    if (map == null) {
      return Optional.empty();
    }
    reader.unknownKeys(map, KEYS, pointer);
    Style style = STYLES.get(String.valueOf(map.get("style")));
    if (style == null) {
      reader.error(ExtensionReader.child(pointer, "style"), "", "must be one of cursor, offset, page, link, next-url;"
          + " was " + ExtensionReader.describe(map.get("style")));
      return Optional.empty();
    }
    Optional<String> items = pointer(map, "items", pointer);
    if (items.isEmpty()) {
      reader.error(pointer, "items", "is required: a JSON pointer to the item array, such as /data");
      return Optional.empty();
    }
    Optional<String> next = switch (style) {
      case CURSOR -> required(map, "nextCursor", pointer, "the JSON pointer to the next page's cursor");
      case NEXT_URL -> required(map, "nextUrl", pointer, "the JSON pointer to the next page's URL");
      default -> Optional.empty();
    };
    if ((style == Style.CURSOR || style == Style.NEXT_URL) && next.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> parameter = switch (style) {
      case CURSOR -> text(map, "cursorParam", pointer);
      case OFFSET -> text(map, "offsetParam", pointer);
      case PAGE_NUMBER -> text(map, "pageParam", pointer);
      default -> Optional.empty();
    };
    long firstPage = 1;
    if (map.get("firstPage") instanceof Number number) {
      firstPage = number.longValue();
    } else if (map.containsKey("firstPage")) {
      reader.error(ExtensionReader.child(pointer, "firstPage"), "", "must be a whole number such as 0 or 1; was "
          + ExtensionReader.describe(map.get("firstPage")));
    }
    return Optional.of(new PaginationSettings(style, pointer, items.get(), next, pointer(map, "hasMore", pointer),
        parameter, text(map, "limitParam", pointer), firstPage));
  }

  private Optional<String> required(Map<String, Object> map, String key, String pointer, String what) {
    Optional<String> value = pointer(map, key, pointer);
    if (value.isEmpty() && !map.containsKey(key)) {
      reader.error(pointer, key, "is required for this style: " + what);
    }
    return value;
  }

  private Optional<String> pointer(Map<String, Object> map, String key, String pointer) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text && (text.isEmpty() || text.startsWith("/"))) {
      return Optional.of(text);
    }
    reader.error(ExtensionReader.child(pointer, key), "", "must be a JSON pointer into the response body, such as"
        + " /data or /meta/next; was " + ExtensionReader.describe(value));
    return Optional.empty();
  }

  private Optional<String> text(Map<String, Object> map, String key, String pointer) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text && !text.isBlank()) {
      return Optional.of(text);
    }
    reader.error(ExtensionReader.child(pointer, key), "", "must be a query parameter name; was "
        + ExtensionReader.describe(value));
    return Optional.empty();
  }

  /** Speakeasy's form: {@code type}, {@code inputs} (name, in, type) and {@code outputs} as JSONPath. */
  private Optional<PaginationSettings> speakeasy(Object value, String pointer) {
    Map<String, Object> map = reader.object(value, pointer, "an object with type, inputs and outputs");
    if (map == null) {
      return Optional.empty();
    }
    Map<String, Object> outputs = map.get("outputs") == null ? Map.of()
        : reader.object(map.get("outputs"), ExtensionReader.child(pointer, "outputs"), "an object");
    if (outputs == null) {
      return Optional.empty();
    }
    String outputsPointer = ExtensionReader.child(pointer, "outputs");
    Optional<String> results = jsonPath(outputs.get("results"), ExtensionReader.child(outputsPointer, "results"));
    String type = String.valueOf(map.get("type"));
    Optional<String> parameter = Optional.empty();
    Optional<String> limit = Optional.empty();
    Style style = null;
    Object inputs = map.get("inputs");
    List<?> list = inputs instanceof List<?> l ? l : List.of();
    for (int i = 0; i < list.size(); i++) {
      String inputPointer = ExtensionReader.child(ExtensionReader.child(pointer, "inputs"), String.valueOf(i));
      if (!(list.get(i) instanceof Map<?, ?> input)) {
        reader.error(inputPointer, "", "must be an object with name, in and type");
        continue;
      }
      if (!"parameters".equals(input.get("in"))) {
        reader.error(ExtensionReader.child(inputPointer, "in"), "", "only 'parameters' is supported: Bulwark pages"
            + " through query parameters, not request bodies");
        continue;
      }
      String name = String.valueOf(input.get("name"));
      switch (String.valueOf(input.get("type"))) {
        case "cursor" -> parameter = Optional.of(name);
        case "offset" -> {
          parameter = Optional.of(name);
          style = Style.OFFSET;
        }
        case "page" -> {
          parameter = Optional.of(name);
          style = Style.PAGE_NUMBER;
        }
        case "limit" -> limit = Optional.of(name);
        default -> reader.error(ExtensionReader.child(inputPointer, "type"), "",
            "must be cursor, offset, page or limit; was " + ExtensionReader.describe(input.get("type")));
      }
    }
    Optional<String> next = Optional.empty();
    switch (type) {
      case "cursor" -> {
        style = Style.CURSOR;
        next = jsonPath(outputs.get("nextCursor"), ExtensionReader.child(outputsPointer, "nextCursor"));
      }
      case "url" -> {
        style = Style.NEXT_URL;
        next = jsonPath(outputs.get("nextUrl"), ExtensionReader.child(outputsPointer, "nextUrl"));
      }
      case "offsetLimit" -> {
        if (style == null) {
          reader.error(ExtensionReader.child(pointer, "inputs"), "", "an offsetLimit pagination needs an input of"
              + " type offset or page");
        }
      }
      default -> {
        reader.error(ExtensionReader.child(pointer, "type"), "", "must be offsetLimit, cursor or url; was "
            + ExtensionReader.describe(map.get("type")));
        return Optional.empty();
      }
    }
    if (style == null || results.isEmpty() || ((style == Style.CURSOR || style == Style.NEXT_URL) && next.isEmpty())) {
      if (results.isEmpty() && !outputs.containsKey("results")) {
        reader.error(outputsPointer, "results", "is required: the JSONPath of the item array, such as $.data");
      }
      return Optional.empty();
    }
    return Optional.of(new PaginationSettings(style, pointer, results.get(), next, Optional.empty(), parameter,
        limit, 1));
  }

  /** A simple JSONPath ({@code $}, {@code $.data}, {@code $.meta["next"]}) as a JSON pointer. */
  private Optional<String> jsonPath(Object value, String pointer) {
    if (value == null) {
      return Optional.empty();
    }
    String path = String.valueOf(value).trim();
    if (path.startsWith("$")) {
      StringBuilder result = new StringBuilder();
      Matcher step = JSON_PATH_STEP.matcher(path);
      int at = 1;
      while (at < path.length() && step.find(at) && step.start() == at) {
        String name = step.group(1) != null ? step.group(1) : step.group(2);
        result.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        at = step.end();
      }
      if (at == path.length()) {
        return Optional.of(result.toString());
      }
    }
    reader.error(pointer, "", "must be a JSONPath of property names such as $.data or $.meta.next; was "
        + ExtensionReader.describe(value));
    return Optional.empty();
  }
}
