package dev.bulwark.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.bulwark.runtime.json.BulwarkJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/** Turns an {@link ApiRequest} into an OkHttp {@link Request} against the client's base URL. */
final class RequestFactory {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  private final HttpUrl baseUrl;
  private final Moshi moshi;
  private final String userAgent;

  RequestFactory(HttpUrl baseUrl, Moshi moshi, String userAgent) {
    this.baseUrl = baseUrl;
    this.moshi = moshi;
    this.userAgent = userAgent;
  }

  Request create(ApiRequest call) {
    Request.Builder request = new Request.Builder()
        .url(url(call))
        .header("Accept", "application/json")
        .header("User-Agent", userAgent);
    for (ApiRequest.Parameter header : call.headers()) {
      request.addHeader(header.name(), BulwarkJson.formatParameter(header.value()));
    }
    for (ApiRequest.Parameter header : call.options().headers()) {
      request.header(header.name(), BulwarkJson.formatParameter(header.value()));
    }
    if (!call.cookies().isEmpty()) {
      StringBuilder cookie = new StringBuilder();
      for (ApiRequest.Parameter parameter : call.cookies()) {
        cookie.append(cookie.length() == 0 ? "" : "; ")
            .append(parameter.name()).append('=').append(BulwarkJson.formatParameter(parameter.value()));
      }
      request.addHeader("Cookie", cookie.toString());
    }
    request.method(call.operation().method(), body(call));
    return request.build();
  }

  private HttpUrl url(ApiRequest call) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    String template = call.operation().pathTemplate();
    String[] segments = template.split("/", -1);
    // The template starts with '/', so the first piece is empty and skipped.
    for (int i = 1; i < segments.length; i++) {
      addSegment(url, substitute(segments[i], call), call);
    }
    List<ApiRequest.Parameter> query = new ArrayList<>(call.queryParameters());
    query.addAll(call.options().queryParameters());
    for (ApiRequest.Parameter parameter : query) {
      if (parameter.value() instanceof Iterable<?> values) {
        for (Object value : values) {
          if (value != null) {
            url.addQueryParameter(parameter.name(), BulwarkJson.formatParameter(value));
          }
        }
      } else {
        url.addQueryParameter(parameter.name(), BulwarkJson.formatParameter(parameter.value()));
      }
    }
    return url.build();
  }

  /**
   * Each segment is percent-encoded, so a value can never add segments, a query or a fragment. A segment that is
   * {@code .} or {@code ..} is refused: URL parsers (OkHttp's, and servers') resolve it, in plain or encoded form, so it
   * would address another resource.
   */
  private static void addSegment(HttpUrl.Builder url, String segment, ApiRequest call) {
    if (segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException("a path parameter of " + call.operation()
          + " makes the path segment '" + segment + "', which would address another resource; refusing to send it");
    }
    url.addPathSegment(segment);
  }

  private static String substitute(String segment, ApiRequest call) {
    Matcher matcher = PLACEHOLDER.matcher(segment);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      Object value = call.pathParameters().get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "path parameter '" + name + "' of " + call.operation() + " has no value");
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(BulwarkJson.formatParameter(value)));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private RequestBody body(ApiRequest call) {
    Object value = call.body();
    if (value == null || call.bodyType() == null) {
      return permitsBody(call.operation().method()) ? RequestBody.create(new byte[0], null) : null;
    }
    JsonAdapter<Object> adapter = moshi.adapter(call.bodyType());
    Buffer buffer = new Buffer();
    try {
      adapter.toJson(buffer, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a memory buffer cannot fail", e);
    }
    return RequestBody.create(buffer.readByteString(), JSON);
  }

  private static boolean permitsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }
}
