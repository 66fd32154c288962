package dev.bulwark.runtime.error;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An error response as the runtime understood it: its status and headers, a bounded excerpt of its body, and the
 * error code and message normalised from whatever form the server used.
 *
 * @param headers response headers, names in lower case
 * @param bodyExcerpt the start of the body as text, bounded; empty for an empty body
 * @param requestId the server's request id, from the usual headers, if it sent one
 * @param code the server's error code, if it gave one
 * @param message the server's error message, if it gave one
 * @param details further messages (validation errors and the like)
 * @param problem the RFC 9457 problem document, if the body was one
 * @param body the body parsed as the type the spec declares for this status, if it declares one and the body fits
 */
public record ErrorResponse(
    int statusCode,
    Map<String, List<String>> headers,
    String bodyExcerpt,
    @Nullable String requestId,
    @Nullable String code,
    @Nullable String message,
    List<String> details,
    @Nullable ProblemDetails problem,
    @Nullable Object body) {

  public ErrorResponse {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
    details = List.copyOf(details);
  }
}
