package dev.bulwark.generator.extension;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code x-bulwark-stream}, which tunes a {@code text/event-stream} response: {@code sentinel} (the event data
 * that ends the stream, {@code [DONE]} unless set; {@code false} for none).
 */
public final class StreamReader {
  public static final String STREAM = "x-bulwark-stream";
  /** The end marker OpenAI-style streams send; a JSON event can never be exactly this, so it is safe by default. */
  public static final String DEFAULT_SENTINEL = "[DONE]";

  private final ExtensionReader reader;

  public StreamReader(ExtensionReader reader) {
    this.reader = reader;
  }

  /** The sentinel for the operation's stream: the extension's, the default, or empty for none. */
  public Optional<String> sentinel(Map<String, Object> extensions, String operationPointer) {
    if (extensions == null || !extensions.containsKey(STREAM)) {
      return Optional.of(DEFAULT_SENTINEL);
    }
    String pointer = ExtensionReader.child(operationPointer, STREAM);
    Map<String, Object> map = reader.object(extensions.get(STREAM), pointer, "an object such as {sentinel: '[DONE]'}");
    if (map == null) {
      return Optional.of(DEFAULT_SENTINEL);
    }
    reader.unknownKeys(map, Set.of("sentinel"), pointer);
    Object sentinel = map.getOrDefault("sentinel", DEFAULT_SENTINEL);
    if (Boolean.FALSE.equals(sentinel)) {
      return Optional.empty();
    }
    if (sentinel instanceof String text && !text.isEmpty()) {
      return Optional.of(text);
    }
    reader.error(ExtensionReader.child(pointer, "sentinel"), "", "must be the event data that ends the stream, such"
        + " as '[DONE]', or false; was " + ExtensionReader.describe(sentinel));
    return Optional.of(DEFAULT_SENTINEL);
  }
}
