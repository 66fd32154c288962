package dev.bulwark.runtime;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Parses a {@code text/event-stream} body into events, one at a time, following the HTML standard's rules. */
final class SseReader {
  private final BufferedSource source;
  private @Nullable String lastId;

  SseReader(BufferedSource source) {
    this.source = source;
  }

  /** The next event, or {@code null} at the end of the stream. Blocks until a whole event has arrived. */
  @Nullable ServerSentEvent next() throws IOException {
    String event = null;
    StringBuilder data = null;
    Long retry = null;
    String line;
    while ((line = source.readUtf8Line()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return new ServerSentEvent(event == null || event.isEmpty() ? "message" : event, data.toString(), lastId,
              retry);
        }
        event = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(line.startsWith(" ", colon + 1) ? colon + 2 : colon + 1);
      switch (field) {
        case "event" -> event = value;
        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        case "id" -> {
          if (value.indexOf('\0') < 0) {
            lastId = value;
          }
        }
        case "retry" -> {
          if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 19) {
            retry = Long.parseLong(value);
          }
        }
        default -> { }
      }
    }
    // A final event without its blank line is dropped, as the standard says.
    return null;
  }

  /**
   * Reads raw lines up to and including the blank line that ends the first event carrying data, or to the end of
   * the stream, so that the retry step can see that the stream really started.
   */
  static Buffer readFirstEvent(BufferedSource source) throws IOException {
    Buffer first = new Buffer();
    boolean sawData = false;
    String line;
    while ((line = source.readUtf8Line()) != null) {
      first.writeUtf8(line).writeUtf8("\n");
      if (line.isEmpty() && sawData) {
        break;
      }
      if (line.equals("data") || line.startsWith("data:")) {
        sawData = true;
      }
    }
    return first;
  }
}
