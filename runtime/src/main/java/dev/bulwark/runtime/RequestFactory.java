package dev.bulwark.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.bulwark.runtime.json.BulwarkJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
  private final boolean operationServers;
  private final Moshi moshi;
  private final String userAgent;

  RequestFactory(HttpUrl baseUrl, boolean operationServers, Moshi moshi, String userAgent) {
    this.baseUrl = baseUrl;
    this.operationServers = operationServers;
    this.moshi = moshi;
    this.userAgent = userAgent;
  }

  Request create(ApiRequest call) {
    Request.Builder request = new Request.Builder()
        .url(url(call))
        .header("Accept", "application/json")
        .header("User-Agent", userAgent);
    for (ApiRequest.Parameter header : call.headers()) {
      String value = String.join(",", texts(header.value()));
      if (header.name().equalsIgnoreCase("Accept")) {
        request.header("Accept", value);
      } else {
        request.addHeader(header.name(), value);
      }
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
    HttpUrl given = call.url();
    if (given != null) {
      if (!given.scheme().equals(baseUrl.scheme()) || !given.host().equals(baseUrl.host())
          || given.port() != baseUrl.port()) {
        throw new IllegalArgumentException("refusing to call " + given.scheme() + "://" + given.host() + ":"
            + given.port() + " for " + call.operation().operationId() + ": it is not the client's origin ("
            + baseUrl.scheme() + "://" + baseUrl.host() + ":" + baseUrl.port()
            + "), and the client's credentials must not go there");
      }
      return given;
    }
    HttpUrl.Builder url = base(call.operation()).newBuilder();
    String template = call.operation().pathTemplate();
    String[] segments = template.split("/", -1);
    // The template starts with '/', so the first piece is empty and skipped.
    for (int i = 1; i < segments.length; i++) {
      addSegment(url, substitute(segments[i], call), call);
    }
    List<ApiRequest.Parameter> query = new ArrayList<>(call.queryParameters());
    query.addAll(call.options().queryParameters());
    for (ApiRequest.Parameter parameter : query) {
      addQuery(url, parameter);
    }
    return url.build();
  }

  /** The operation's own server when the spec names one and the caller has not chosen a base URL of their own. */
  private HttpUrl base(OperationSpec operation) {
    String server = operation.server();
    if (server == null || !operationServers) {
      return baseUrl;
    }
    HttpUrl resolved = baseUrl.resolve(server);
    if (resolved == null) {
      throw new IllegalStateException("the server '" + server + "' of " + operation.operationId()
          + " is not a URL; set a base URL of your own on the client builder to bypass it");
    }
    return resolved;
  }

  /**
   * Writes one query parameter in its style. Models, unions and maps are first turned into their JSON (a union is
   * its variant's own value, never a wrapper), then flattened: {@code created[gte]=1700000000},
   * {@code filter[a][b]=1}, {@code expand[]=customer}.
   */
  private void addQuery(HttpUrl.Builder url, ApiRequest.Parameter parameter) {
    Object value = parameter.value();
    if (isPlainScalar(value) || value instanceof Iterable<?> values && allPlainScalars(values)
        && parameter.style() != ParameterStyle.DEEP_OBJECT) {
      addScalarQuery(url, parameter.name(), texts(value), value instanceof Iterable<?>, parameter);
      return;
    }
    for (FlatFields.Field field : FlatFields.of(parameter.name(), jsonTree(value), parameter.style(),
        parameter.explode())) {
      if (field.values().size() == 1) {
        url.addQueryParameter(field.name(), field.values().get(0));
      } else {
        addCommaSeparated(url, field.name(), field.values());
      }
    }
  }

  /** Scalars and arrays of scalars, written as they always were. */
  private static void addScalarQuery(HttpUrl.Builder url, String name, List<String> values, boolean array,
      ApiRequest.Parameter parameter) {
    switch (parameter.style()) {
      case SPACE_DELIMITED -> url.addQueryParameter(name, String.join(" ", values));
      case PIPE_DELIMITED -> url.addQueryParameter(name, String.join("|", values));
      default -> {
        if (parameter.explode() || !array) {
          values.forEach(text -> url.addQueryParameter(name, text));
        } else {
          addCommaSeparated(url, name, values);
        }
      }
    }
  }

  private static boolean isPlainScalar(Object value) {
    return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
        || value instanceof Enum<?> || value.getClass().getName().startsWith("java.") && !(value instanceof Map<?, ?>)
        && !(value instanceof Iterable<?>);
  }

  private static boolean allPlainScalars(Iterable<?> values) {
    for (Object value : values) {
      if (value != null && !isPlainScalar(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A value in JSON's shapes (maps, lists, strings, numbers, booleans): generated models, unions and enums through
   * their adapters, so that a form or query carries exactly what their JSON would.
   */
  private @Nullable Object jsonTree(@Nullable Object value) {
    if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
      return value instanceof CharSequence text ? text.toString() : value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> tree = new java.util.LinkedHashMap<>();
      map.forEach((key, member) -> tree.put(String.valueOf(key), jsonTree(member)));
      return tree;
    }
    if (value instanceof Iterable<?> values) {
      List<Object> tree = new ArrayList<>();
      values.forEach(element -> tree.add(jsonTree(element)));
      return tree;
    }
    if (value instanceof Enum<?> || value.getClass().getName().startsWith("java.")) {
      return BulwarkJson.formatParameter(value);
    }
    return jsonTree(moshi.<Object>adapter(value.getClass()).toJsonValue(value));
  }

  /**
   * {@code ids=1,2}: each value percent-encoded on its own, so that the separating commas stay literal (as OpenAPI's
   * examples write them) and a comma inside a value stays distinguishable from one between values.
   */
  private static void addCommaSeparated(HttpUrl.Builder url, String name, List<String> values) {
    url.addEncodedQueryParameter(encode(name), String.join(",", values.stream().map(RequestFactory::encode).toList()));
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The value's text, or each element's for an array; null elements are left out. */
  private static List<String> texts(Object value) {
    List<String> texts = new ArrayList<>();
    if (value instanceof Iterable<?> values) {
      for (Object element : values) {
        if (element != null) {
          texts.add(BulwarkJson.formatParameter(element));
        }
      }
    } else {
      texts.add(BulwarkJson.formatParameter(value));
    }
    return texts;
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
      ApiRequest.Parameter parameter = call.pathParameters().get(name);
      if (parameter == null) {
        throw new IllegalArgumentException(
            "path parameter '" + name + "' of " + call.operation() + " has no value");
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(pathText(parameter)));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** A path parameter in its style: {@code 1,2} (simple), {@code .1.2} (label), {@code ;id=1;id=2} (matrix). */
  private static String pathText(ApiRequest.Parameter parameter) {
    List<String> values = texts(parameter.value());
    return switch (parameter.style()) {
      case LABEL -> "." + String.join(parameter.explode() ? "." : ",", values);
      case MATRIX -> parameter.explode()
          ? String.join("", values.stream().map(v -> ";" + parameter.name() + "=" + v).toList())
          : ";" + parameter.name() + "=" + String.join(",", values);
      default -> String.join(",", values);
    };
  }

  private RequestBody body(ApiRequest call) {
    Object value = call.body();
    if (value == null || call.bodyType() == null) {
      return permitsBody(call.operation().method()) ? RequestBody.create(new byte[0], null) : null;
    }
    switch (call.bodyKind()) {
      case TEXT:
        return RequestBody.create((String) value, mediaType(call));
      case BINARY:
        return value instanceof BinaryBody binary
            ? binary.toRequestBody(mediaType(call))
            : RequestBody.create((byte[]) value, mediaType(call));
      case MULTIPART:
        return multipart((List<?>) value);
      case FORM:
        return form(call, value);
      default:
        break;
    }
    return json(value, call.bodyType(), mediaType(call));
  }

  /**
   * A form of the body's members, each as its {@link FormEncoding} says, else by the convention of form APIs (see
   * {@link FlatFields}); a member whose encoding is JSON is sent as JSON text.
   */
  private RequestBody form(ApiRequest call, Object value) {
    okhttp3.FormBody.Builder form = new okhttp3.FormBody.Builder();
    if (jsonTree(value) instanceof Map<?, ?> members) {
      members.forEach((name, member) -> {
        FormEncoding encoding = call.formEncodings().get(String.valueOf(name));
        if (member == null) {
          return;
        }
        if (encoding != null && encoding.json()) {
          form.add(String.valueOf(name), moshi.adapter(Object.class).toJson(member));
          return;
        }
        ParameterStyle style = encoding == null ? null : encoding.style();
        boolean explode = encoding == null || encoding.explode();
        for (FlatFields.Field field : FlatFields.of(String.valueOf(name), member, style, explode)) {
          form.add(field.name(), String.join(field.delimiter(), field.values()));
        }
      });
    }
    return form.build();
  }

  /**
   * The body's media type: a {@code Content-Type} header in the call's options wins over the operation's, so that a
   * caller can send a body the spec accepts as several types (a PATCH as merge-patch or strategic-merge-patch JSON).
   */
  private static MediaType mediaType(ApiRequest call) {
    for (ApiRequest.Parameter header : call.options().headers()) {
      if (header.name().equalsIgnoreCase("Content-Type")) {
        return MediaType.get(BulwarkJson.formatParameter(header.value()));
      }
    }
    return MediaType.get(call.bodyMediaType());
  }

  private RequestBody multipart(List<?> parts) {
    okhttp3.MultipartBody.Builder multipart = new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM);
    for (Object raw : parts) {
      ApiRequest.Parameter part = (ApiRequest.Parameter) raw;
      Iterable<?> values = part.value() instanceof Iterable<?> items && !(part.value() instanceof Map<?, ?>)
          ? items : List.of(part.value());
      for (Object value : values) {
        if (value == null) {
          continue;
        }
        if (value instanceof BinaryBody binary) {
          multipart.addFormDataPart(part.name(), binary.fileName() == null ? part.name() : binary.fileName(),
              binary.toRequestBody(MediaType.get("application/octet-stream")));
        } else if (value instanceof CharSequence text) {
          multipart.addFormDataPart(part.name(), text.toString());
        } else {
          // A value whose JSON is a string, number or boolean (a date, an open enum) is a text part; else JSON.
          String json = moshi.adapter((java.lang.reflect.Type) value.getClass()).toJson(value);
          if (json.startsWith("{") || json.startsWith("[")) {
            multipart.addPart(okhttp3.Headers.of("Content-Disposition", "form-data; name=\"" + part.name() + "\""),
                RequestBody.create(json, JSON));
          } else {
            multipart.addFormDataPart(part.name(), json.startsWith("\"") ? unquote(json) : json);
          }
        }
      }
    }
    return multipart.build();
  }

  private String unquote(String json) {
    try {
      return java.util.Objects.requireNonNull(moshi.adapter(String.class).fromJson(json));
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON string Moshi wrote must read back", e);
    }
  }

  private RequestBody json(Object value, java.lang.reflect.Type type, MediaType mediaType) {
    JsonAdapter<Object> adapter = moshi.adapter(type);
    Buffer buffer = new Buffer();
    try {
      adapter.toJson(buffer, value);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a memory buffer cannot fail", e);
    }
    return RequestBody.create(buffer.readByteString(), mediaType);
  }

  private static boolean permitsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }
}
