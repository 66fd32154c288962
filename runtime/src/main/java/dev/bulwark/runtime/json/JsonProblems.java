package dev.bulwark.runtime.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a generated adapter could not read while reading one object leniently: problem messages (relative to the
 * object, such as {@code .id: expected NUMBER but was STRING}) and the raw JSON of each value it had to set aside.
 * Not thread-safe; one per object read.
 */
public final class JsonProblems {
  private @Nullable List<String> messages;
  private @Nullable Map<String, @Nullable Object> rawValues;

  /** Records that {@code jsonName}'s value could not be read, keeping the raw value. */
  void setAside(String jsonName, String problem, @Nullable Object raw) {
    if (messages == null) {
      messages = new ArrayList<>();
      rawValues = new LinkedHashMap<>();
    }
    messages.add("." + jsonName + ": " + problem);
    rawValues.put(jsonName, raw);
  }

  /** Problem messages, relative to the object read. */
  public List<String> messages() {
    return messages == null ? List.of() : List.copyOf(messages);
  }

  /** The raw JSON of every value set aside, by JSON name. */
  public Map<String, @Nullable Object> rawValues() {
    return rawValues == null ? Map.of() : rawValues;
  }
}
