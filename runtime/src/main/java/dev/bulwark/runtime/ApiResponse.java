package dev.bulwark.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A successful response with its status and headers beside the parsed body, for callers that need more than the body
 * (a {@code Location} header, a rate-limit header, the request id). Returned by the operations of a service's
 * {@code withRawResponse()} view.
 *
 * @param <T> the body type
 */
public final class ApiResponse<T> {
  private final int statusCode;
  private final okhttp3.Headers rawHeaders;
  private final @Nullable T body;
  private volatile @Nullable Map<String, List<String>> headers;

  /** A response with these headers; the map form is built on first use, off the hot path of plain calls. */
  ApiResponse(int statusCode, okhttp3.Headers headers, @Nullable T body) {
    this.statusCode = statusCode;
    this.rawHeaders = headers;
    this.body = body;
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** The response headers, names in lower case. */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> map = headers;
    if (map == null) {
      map = Map.copyOf(ResponseReader.headers(rawHeaders));
      headers = map;
    }
    return map;
  }

  /** The first value of a header, by case-insensitive name, or {@code null}. */
  public @Nullable String header(String name) {
    return rawHeaders.get(name);
  }

  /** The server's request id, from the usual headers, or {@code null}. */
  public @Nullable String requestId() {
    for (String name : ErrorNormalizer.REQUEST_ID_HEADERS) {
      String value = header(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The parsed body; {@code null} when the operation returns no content or the body was empty. */
  public @Nullable T body() {
    return body;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ApiResponse<?> that && statusCode == that.statusCode
        && rawHeaders.equals(that.rawHeaders) && Objects.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statusCode, rawHeaders, body);
  }

  @Override
  public String toString() {
    return "ApiResponse{statusCode=" + statusCode + ", body=" + body + "}";
  }
}
