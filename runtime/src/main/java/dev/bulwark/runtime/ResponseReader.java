package dev.bulwark.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import dev.bulwark.runtime.error.ApiStatusException;
import dev.bulwark.runtime.error.ErrorContext;
import dev.bulwark.runtime.error.ResponseNotUnderstoodException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import dev.bulwark.runtime.json.BulwarkJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Reads a response as the operation's declared type, or maps it to the matching exception. */
final class ResponseReader {
  private final Moshi moshi;
  private final ErrorNormalizer errors;
  private final Function<CallContext, ErrorContext> errorContexts;
  private final boolean strict;

  ResponseReader(Moshi moshi, Function<CallContext, ErrorContext> errorContexts, boolean strict) {
    this.moshi = moshi;
    this.strict = strict;
    this.errors = new ErrorNormalizer(moshi);
    this.errorContexts = errorContexts;
  }

  ErrorNormalizer errors() {
    return errors;
  }

  /**
   * Reads the body as {@code type}, or returns {@code null} when {@code type} is {@code null} (no content expected)
   * or when the body is empty and {@code emptyAllowed} (the spec lists a success response without content).
   */
  @Nullable Object read(Response response, CallContext context, @Nullable Type type, boolean emptyAllowed)
      throws IOException {
    // Only buffered bodies come here; streamed downloads and event streams are opened by ClientRuntime instead.
    try (ResponseBody body = response.body()) {
      OperationSpec operation = context.call.operation();
      if (!response.isSuccessful()) {
        throw ApiStatusException.of(errorContexts.apply(context), errors.normalize(operation, response.code(),
            headers(response.headers()), body.bytes(), body.contentType()));
      }
      if (type == null) {
        type = operation.successType(response.code());
      }
      if (type == null) {
        return null;
      }
      byte[] bytes = body.bytes();
      if (type == byte[].class) {
        return bytes;
      }
      if (type == String.class && !isJson(body)) {
        return new String(bytes, body.contentType() == null ? java.nio.charset.StandardCharsets.UTF_8
            : body.contentType().charset(java.nio.charset.StandardCharsets.UTF_8));
      }
      if (bytes.length == 0 && emptyAllowed) {
        return null;
      }
      if (bytes.length == 0) {
        throw new ResponseNotUnderstoodException(errorContexts.apply(context), response.code(),
            "expected a JSON body but the body was empty", "", null);
      }
      JsonAdapter<Object> adapter = moshi.adapter(type);
      try {
        Object value = adapter.fromJson(new Buffer().write(bytes));
        if (value == null) {
          throw new JsonDataException("expected a value but was null at path $");
        }
        if (strict) {
          List<String> problems = new ArrayList<>();
          BulwarkJson.collectProblems(problems, "$", value);
          if (!problems.isEmpty()) {
            throw new ResponseNotUnderstoodException(errorContexts.apply(context), response.code(),
                "it does not match the schema (strict mode): " + String.join("; ", problems),
                ErrorNormalizer.excerpt(bytes), null);
          }
        }
        return value;
      } catch (JsonDataException | JsonEncodingException | EOFException e) {
        String problem = e instanceof EOFException ? "the JSON ended early" : e.getMessage();
        throw new ResponseNotUnderstoodException(errorContexts.apply(context), response.code(), problem,
            ErrorNormalizer.excerpt(bytes), e);
      }
    }
  }

  private static boolean isJson(ResponseBody body) {
    return body.contentType() != null && body.contentType().subtype().toLowerCase(Locale.ROOT).contains("json");
  }

  static Map<String, List<String>> headers(Headers headers) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String name : headers.names()) {
      result.put(name.toLowerCase(Locale.ROOT), headers.values(name));
    }
    return result;
  }
}
