package dev.bulwark.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.bulwark.runtime.error.ErrorResponse;
import dev.bulwark.runtime.error.ProblemDetails;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Turns an error response into an {@link ErrorResponse}. The body is parsed as the type the spec declares for the
 * status, if any; the code and message come from the first source that has them: an RFC 9457 problem document, the
 * spec's {@code x-bulwark-error} envelope, then the common envelopes ({@code {"error": {"code", "message"}}},
 * {@code {"errors": [...]}}, {@code {"message"}}, {@code {"error", "error_description"}}, {@code {"detail"}}). A body
 * that is not JSON (an HTML error page) is kept as a bounded excerpt.
 */
final class ErrorNormalizer {
  /** How much of a body an exception keeps. */
  static final int EXCERPT_BYTES = 2048;
  /** Larger error bodies are not parsed: an error page that size carries no structured error. */
  private static final int MAX_PARSED_BYTES = 1 << 20;
  static final List<String> REQUEST_ID_HEADERS = List.of(
      "x-request-id", "request-id", "x-amzn-requestid", "x-amz-request-id", "x-correlation-id", "x-trace-id",
      "cf-ray");
  private static final Set<String> PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

  private final Moshi moshi;
  private final JsonAdapter<Object> tree;

  ErrorNormalizer(Moshi moshi) {
    this.moshi = moshi;
    this.tree = moshi.adapter(Object.class);
  }

  ErrorResponse normalize(
      OperationSpec operation, int status, Map<String, List<String>> headers, byte[] body,
      @Nullable MediaType contentType) {
    String excerpt = excerpt(body);
    String requestId = first(headers, REQUEST_ID_HEADERS);
    Object json = parse(body);
    Object typed = typedBody(operation.errorType(status), json);

    Fields fields = new Fields();
    ProblemDetails problem = null;
    if (json instanceof Map<?, ?> map && isProblem(map, contentType)) {
      problem = problem(map);
      fields.offer(problem.type() == null || "about:blank".equals(problem.type()) ? null : problem.type(),
          problem.detail() != null ? problem.detail() : problem.title(), detailsOf(map.get("errors")));
    }
    ErrorEnvelope envelope = operation.errorEnvelope();
    if (envelope != null) {
      fields.offer(text(locate(envelope.code(), json, headers)), text(locate(envelope.message(), json, headers)),
          detailsOf(locate(envelope.details(), json, headers)));
    }
    if (json instanceof Map<?, ?> map) {
      commonEnvelopes(map, fields);
    } else if (json instanceof List<?> list) {
      fields.offer(null, null, detailsOf(list));
    }
    return new ErrorResponse(status, headers, excerpt, requestId, fields.code, fields.message, fields.details,
        problem, typed);
  }

  private static void commonEnvelopes(Map<?, ?> map, Fields fields) {
    Object error = map.get("error");
    if (error instanceof Map<?, ?> inner) {
      fields.offer(text(inner.get("code") != null ? inner.get("code") : inner.get("type")),
          text(inner.get("message")), detailsOf(inner.get("details")));
    } else if (error instanceof String code) {
      fields.offer(code, text(map.get("error_description") != null ? map.get("error_description") : map.get("message")),
          List.of());
    }
    Object errors = map.get("errors");
    if (errors instanceof List<?> list && !list.isEmpty()) {
      List<String> details = detailsOf(list);
      Object head = list.get(0);
      String code = head instanceof Map<?, ?> first ? text(first.get("code")) : null;
      fields.offer(code, details.isEmpty() ? null : details.get(0), details);
    }
    fields.offer(text(map.get("code")), text(map.get("message")), List.of());
    Object detail = map.get("detail");
    if (detail instanceof String text) {
      fields.offer(null, text, List.of());
    } else if (detail instanceof List<?> list) {
      List<String> details = detailsOf(list);
      fields.offer(null, details.isEmpty() ? null : details.get(0), details);
    }
  }

  /** The already parsed tree read as the declared type, so that the body is parsed once. */
  private @Nullable Object typedBody(@Nullable Type type, @Nullable Object json) {
    if (type == null || json == null) {
      return null;
    }
    try {
      return moshi.adapter(type).fromJsonValue(json);
    } catch (RuntimeException e) {
      // The body does not fit the declared schema: the normalised fields and the excerpt still describe it.
      return null;
    }
  }

  private @Nullable Object parse(byte[] body) {
    if (body.length == 0 || body.length > MAX_PARSED_BYTES) {
      return null;
    }
    int start = 0;
    while (start < body.length && Character.isWhitespace(body[start])) {
      start++;
    }
    if (start == body.length || (body[start] != '{' && body[start] != '[')) {
      return null;
    }
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(body));
      reader.setLenient(true);
      return tree.fromJson(reader);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean isProblem(Map<?, ?> map, @Nullable MediaType contentType) {
    boolean declared = contentType != null && contentType.subtype().toLowerCase(Locale.ROOT).equals("problem+json");
    return declared || (map.containsKey("title") && map.containsKey("status") && map.get("status") instanceof Number);
  }

  private static ProblemDetails problem(Map<?, ?> map) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      if (!PROBLEM_MEMBERS.contains(String.valueOf(key)) && value != null) {
        extensions.put(String.valueOf(key), value);
      }
    });
    Integer status = map.get("status") instanceof Number number ? number.intValue() : null;
    return new ProblemDetails(text(map.get("type")), text(map.get("title")), status, text(map.get("detail")),
        text(map.get("instance")), extensions);
  }

  /** Resolves a JSON pointer in the body, or {@code header:Name} in the headers. */
  private static @Nullable Object locate(@Nullable String where, @Nullable Object json,
      Map<String, List<String>> headers) {
    if (where == null) {
      return null;
    }
    if (where.startsWith("header:")) {
      return first(headers, List.of(where.substring("header:".length()).trim().toLowerCase(Locale.ROOT)));
    }
    Object node = json;
    if (where.isEmpty()) {
      return node;
    }
    for (String token : where.substring(where.startsWith("/") ? 1 : 0).split("/", -1)) {
      String key = token.replace("~1", "/").replace("~0", "~");
      if (node instanceof Map<?, ?> map) {
        node = map.get(key);
      } else if (node instanceof List<?> list && key.matches("\\d+") && Integer.parseInt(key) < list.size()) {
        node = list.get(Integer.parseInt(key));
      } else {
        return null;
      }
    }
    return node;
  }

  private static List<String> detailsOf(@Nullable Object value) {
    List<String> details = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        String text = item instanceof Map<?, ?> map
            ? text(map.get("message") != null ? map.get("message") : map.get("detail") != null ? map.get("detail")
                : map.get("msg"))
            : text(item);
        if (text != null) {
          details.add(text);
        }
      }
    } else if (text(value) != null) {
      details.add(text(value));
    }
    return details;
  }

  private static @Nullable String text(@Nullable Object value) {
    if (value instanceof String text) {
      return text.isBlank() ? null : text;
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    return null;
  }

  private static @Nullable String first(Map<String, List<String>> headers, List<String> names) {
    for (String name : names) {
      List<String> values = headers.get(name);
      if (values != null && !values.isEmpty()) {
        return values.get(0);
      }
    }
    return null;
  }

  static String excerpt(byte[] body) {
    int length = Math.min(EXCERPT_BYTES, body.length);
    return new String(body, 0, length, StandardCharsets.UTF_8);
  }

  /** The code, message and details found so far; the first source to offer each wins. */
  private static final class Fields {
    @Nullable String code;
    @Nullable String message;
    List<String> details = List.of();

    void offer(@Nullable String code, @Nullable String message, List<String> details) {
      if (this.code == null) {
        this.code = code;
      }
      if (this.message == null) {
        this.message = message;
      }
      if (this.details.isEmpty()) {
        this.details = details;
      }
    }
  }
}
