package dev.bulwark.runtime.error;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem document ({@code application/problem+json}).
 *
 * @param extensions members beyond the five the RFC defines, as parsed JSON values
 */
public record ProblemDetails(
    @Nullable String type,
    @Nullable String title,
    @Nullable Integer status,
    @Nullable String detail,
    @Nullable String instance,
    Map<String, Object> extensions) {

  public ProblemDetails {
    extensions = Map.copyOf(extensions);
  }
}
