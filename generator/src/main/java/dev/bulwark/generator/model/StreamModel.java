package dev.bulwark.generator.model;

import java.util.Optional;

/**
 * A {@code text/event-stream} success response.
 *
 * @param methodName the service method that opens the stream: the operation's own name when the stream is its only
 *     success content, else a second name unique in the service
 * @param eventType what each event's data is read as: the media type's schema, or a string without one
 * @param sentinel the data value that ends the stream, such as {@code [DONE]}
 * @param only whether the event stream is the operation's only success content; otherwise the operation also
 *     returns a plain body and the stream is a second method that asks for {@code text/event-stream}
 */
public record StreamModel(String methodName, TypeRef eventType, Optional<String> sentinel, boolean only) {}
