package dev.bulwark.runtime;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of a {@code text/event-stream} response, as the HTML standard's parsing rules assemble it from its
 * {@code event:}, {@code data:}, {@code id:} and {@code retry:} lines.
 *
 * @param event the event name; {@code message} when the server gave none
 * @param data the data lines joined with {@code \n}
 * @param id the last event id seen so far in the stream, or {@code null}
 * @param retryMillis the reconnection time the server asked for, or {@code null}
 */
public record ServerSentEvent(String event, String data, @Nullable String id, @Nullable Long retryMillis) {
  public ServerSentEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
  }
}
