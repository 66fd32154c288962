package dev.bulwark.runtime;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * One call of an operation, as a generated method describes it: the values of its path, query and header parameters
 * and its body. Parameter values are formatted by {@link dev.bulwark.runtime.json.BulwarkJson#formatParameter}; a
 * {@code null} value means the parameter is absent, and an {@link Iterable} value repeats a query parameter once per
 * element (OpenAPI's default {@code form} style with {@code explode}).
 */
@dev.bulwark.runtime.internal.ForGeneratedCode
public final class ApiRequest {
  private final OperationSpec operation;
  private final Map<String, Parameter> pathParameters;
  private final List<Parameter> queryParameters;
  private final List<Parameter> headers;
  private final List<Parameter> cookies;
  private final @Nullable Object body;
  private final @Nullable Type bodyType;
  private final BodyKind bodyKind;
  private final String bodyMediaType;
  private final Map<String, FormEncoding> formEncodings;
  private final RequestOptions options;
  private final @Nullable HttpUrl url;

  private ApiRequest(Builder builder) {
    this.operation = builder.operation;
    this.pathParameters = Map.copyOf(builder.pathParameters);
    this.queryParameters = List.copyOf(builder.queryParameters);
    this.headers = List.copyOf(builder.headers);
    this.cookies = List.copyOf(builder.cookies);
    this.body = builder.body instanceof List<?> parts && builder.bodyKind == BodyKind.MULTIPART
        ? List.copyOf(parts) : builder.body;
    this.bodyType = builder.bodyType;
    this.bodyKind = builder.bodyKind;
    this.bodyMediaType = builder.bodyMediaType;
    this.formEncodings = Map.copyOf(builder.formEncodings);
    this.options = builder.options;
    this.url = builder.url;
  }

  /** A builder holding this request's values, to make a variant of it (the next page, say). */
  public Builder toBuilder() {
    Builder builder = new Builder(operation);
    builder.pathParameters.putAll(pathParameters);
    builder.queryParameters.addAll(queryParameters);
    builder.headers.addAll(headers);
    builder.cookies.addAll(cookies);
    builder.body = body instanceof List<?> parts && bodyKind == BodyKind.MULTIPART ? new ArrayList<>(parts) : body;
    builder.bodyType = bodyType;
    builder.bodyKind = bodyKind;
    builder.bodyMediaType = bodyMediaType;
    builder.formEncodings = formEncodings;
    builder.options = options;
    builder.url = url;
    return builder;
  }

  /** The value of the first query parameter of that name, or {@code null}. */
  public @Nullable Object queryParameter(String name) {
    for (Parameter parameter : queryParameters) {
      if (parameter.name().equals(name)) {
        return parameter.value();
      }
    }
    return null;
  }

  /**
   * The absolute URL that replaces the base URL, path and query parameters, or {@code null} (the usual case). Set
   * when following a link the server gave, such as the next page's URL.
   */
  public @Nullable HttpUrl url() {
    return url;
  }

  /** Starts a call of {@code operation}. */
  public static Builder builder(OperationSpec operation) {
    return new Builder(operation);
  }

  /** The operation called. */
  public OperationSpec operation() {
    return operation;
  }

  /** Path parameters by the name used in the path template. */
  public Map<String, Parameter> pathParameters() {
    return pathParameters;
  }

  /** Query parameters in the order they were added. */
  public List<Parameter> queryParameters() {
    return queryParameters;
  }

  /** Request headers in the order they were added. */
  public List<Parameter> headers() {
    return headers;
  }

  /** Cookies in the order they were added, sent together in one {@code Cookie} header. */
  public List<Parameter> cookies() {
    return cookies;
  }

  /** The JSON body, or {@code null} when the call sends none. */
  public @Nullable Object body() {
    return body;
  }

  /** The declared type of {@link #body()}, which picks its JSON adapter. */
  public @Nullable Type bodyType() {
    return bodyType;
  }

  /** How {@link #body()} is written. */
  public BodyKind bodyKind() {
    return bodyKind;
  }

  /** The media type the body is sent as. */
  public String bodyMediaType() {
    return bodyMediaType;
  }

  /** For a {@link BodyKind#FORM} body, the spec's encoding of its properties, by property name. */
  public Map<String, FormEncoding> formEncodings() {
    return formEncodings;
  }

  /** How a request body is written. */
  public enum BodyKind {
    /** JSON through the body type's adapter. */
    JSON,
    /**
     * {@code application/x-www-form-urlencoded}: a map's or a model's members as fields, nested values in brackets
     * (see {@link FormEncoding}).
     */
    FORM,
    /** Text, as UTF-8. */
    TEXT,
    /** Bytes as they are: a {@code byte[]} or a {@link BinaryBody}. */
    BINARY,
    /** {@code multipart/form-data}: the body is the list of {@link Parameter} parts. */
    MULTIPART
  }

  /** Whether the body can be sent again on a retry: false when it is, or contains, a one-shot stream. */
  public boolean repeatableBody() {
    if (bodyKind == BodyKind.MULTIPART && body instanceof List<?> parts) {
      for (Object part : parts) {
        // A part's value may be a list of files, sent as one part each.
        Object value = ((Parameter) part).value();
        for (Object item : value instanceof Iterable<?> items ? items : List.of(value)) {
          if (!repeatable(item)) {
            return false;
          }
        }
      }
      return true;
    }
    return repeatable(body);
  }

  private static boolean repeatable(@Nullable Object value) {
    return !(value instanceof BinaryBody binary) || binary.repeatable();
  }


  /** The caller's overrides for this call. */
  public RequestOptions options() {
    return options;
  }

  /**
   * A named parameter value and how it is written.
   *
   * @param explode OpenAPI's {@code explode}: whether array items and object members become separate values
   */
  public record Parameter(String name, Object value, ParameterStyle style, boolean explode) {
    public Parameter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(style, "style");
    }

    /** A parameter in the form style, exploded: OpenAPI's default for query parameters. */
    public Parameter(String name, Object value) {
      this(name, value, ParameterStyle.FORM, true);
    }
  }

  /** Builds an {@link ApiRequest}; setters ignore {@code null} values, which mean absent. */
  public static final class Builder {
    private final OperationSpec operation;
    private final Map<String, Parameter> pathParameters = new LinkedHashMap<>();
    private final List<Parameter> queryParameters = new ArrayList<>();
    private final List<Parameter> headers = new ArrayList<>();
    private final List<Parameter> cookies = new ArrayList<>();
    private @Nullable Object body;
    private @Nullable Type bodyType;
    private BodyKind bodyKind = BodyKind.JSON;
    private String bodyMediaType = "application/json; charset=utf-8";
    private Map<String, FormEncoding> formEncodings = Map.of();
    private RequestOptions options = RequestOptions.none();
    private @Nullable HttpUrl url;

    private Builder(OperationSpec operation) {
      this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** Sets the value of the {@code {name}} placeholder in the path template. Path parameters are always required. */
    public Builder pathParameter(String name, Object value) {
      return pathParameter(name, value, ParameterStyle.SIMPLE, false);
    }

    /** Sets a path parameter written in another style than {@code simple}. */
    public Builder pathParameter(String name, Object value, ParameterStyle style, boolean explode) {
      Objects.requireNonNull(value, () -> "path parameter '" + name + "' of " + operation.operationId());
      pathParameters.put(name, new Parameter(name, value, style, explode));
      return this;
    }

    /** Adds a query parameter; an {@link Iterable} adds it once per element; {@code null} adds nothing. */
    public Builder queryParameter(String name, @Nullable Object value) {
      return queryParameter(name, value, ParameterStyle.FORM, true);
    }

    /** Adds a query parameter written in the given style; {@code null} adds nothing. */
    public Builder queryParameter(String name, @Nullable Object value, ParameterStyle style, boolean explode) {
      if (value != null) {
        queryParameters.add(new Parameter(name, value, style, explode));
      }
      return this;
    }

    /** Replaces every query parameter of that name with one value; {@code null} removes them. */
    public Builder setQueryParameter(String name, @Nullable Object value) {
      queryParameters.removeIf(parameter -> parameter.name().equals(name));
      return queryParameter(name, value);
    }

    /**
     * Sends the request to this absolute URL instead of the base URL, path and query parameters. The URL must have
     * the base URL's scheme, host and port: credentials are never sent to another origin.
     */
    public Builder url(@Nullable HttpUrl url) {
      this.url = url;
      return this;
    }

    /** Adds a request header; {@code null} adds nothing. */
    public Builder header(String name, @Nullable Object value) {
      if (value != null) {
        headers.add(new Parameter(name, value));
      }
      return this;
    }

    /** Adds a cookie; {@code null} adds nothing. */
    public Builder cookie(String name, @Nullable Object value) {
      if (value != null) {
        cookies.add(new Parameter(name, value));
      }
      return this;
    }

    /** Sets the JSON body and the type whose adapter writes it; a {@code null} value sends no body. */
    public Builder jsonBody(@Nullable Object value, Type type) {
      this.body = value;
      this.bodyType = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets a JSON body sent as another JSON media type, such as {@code application/merge-patch+json}; a {@code null}
     * value sends no body.
     */
    public Builder jsonBody(@Nullable Object value, Type type, String mediaType) {
      MediaType.get(mediaType);
      return body(value, type, BodyKind.JSON, mediaType);
    }

    /** Sends a form ({@code application/x-www-form-urlencoded}) of a map's or a model's members. */
    public Builder formBody(@Nullable Object value, Type type) {
      return formBody(value, type, Map.of());
    }

    /**
     * Sends a form of a map's or a model's members, the properties named in {@code encodings} written as the spec's
     * {@code encoding} object says.
     */
    public Builder formBody(@Nullable Object value, Type type, Map<String, FormEncoding> encodings) {
      this.formEncodings = Map.copyOf(encodings);
      return body(value, type, BodyKind.FORM, "application/x-www-form-urlencoded");
    }

    /** Sends text as UTF-8, with the given media type such as {@code text/plain}. */
    public Builder textBody(@Nullable String value, String mediaType) {
      return body(value, String.class, BodyKind.TEXT, mediaType + "; charset=utf-8");
    }

    /** Sends bytes as they are, with the given media type such as {@code application/octet-stream}. */
    public Builder binaryBody(byte @Nullable [] value, String mediaType) {
      return body(value, byte[].class, BodyKind.BINARY, mediaType);
    }

    /** Sends binary content (bytes, a file or a stream), streamed, with the given media type unless it sets one. */
    public Builder binaryBody(@Nullable BinaryBody value, String mediaType) {
      return body(value, BinaryBody.class, BodyKind.BINARY, mediaType);
    }

    /**
     * Adds a part to a {@code multipart/form-data} body; {@code null} adds nothing. A {@link BinaryBody} becomes a
     * file part, text, numbers, booleans and enums a text part, an {@link Iterable} one part per element, and any
     * other value a JSON part.
     */
    @SuppressWarnings("unchecked")
    public Builder multipartPart(String name, @Nullable Object value) {
      if (bodyKind != BodyKind.MULTIPART || !(body instanceof List<?>)) {
        body(new ArrayList<Parameter>(), Object.class, BodyKind.MULTIPART, "multipart/form-data");
      }
      if (value != null) {
        ((List<Parameter>) Objects.requireNonNull(body)).add(new Parameter(name, value));
      }
      return this;
    }

    private Builder body(@Nullable Object value, Type type, BodyKind kind, String mediaType) {
      this.body = value;
      this.bodyType = Objects.requireNonNull(type, "type");
      this.bodyKind = kind;
      this.bodyMediaType = Objects.requireNonNull(mediaType, "mediaType");
      return this;
    }

    /** The caller's overrides for this call. */
    public Builder options(RequestOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
