package dev.bulwark.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import dev.bulwark.runtime.error.ApiStatusException;
import dev.bulwark.runtime.error.ResponseNotUnderstoodException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Reads a response as the operation's declared type, or maps it to the matching exception. */
final class ResponseReader {
  /** How much of a body an exception keeps. */
  static final int EXCERPT_BYTES = 2048;

  private final Moshi moshi;

  ResponseReader(Moshi moshi) {
    this.moshi = moshi;
  }

  /** Reads the body as {@code type}, or returns {@code null} when {@code type} is {@code null} (no content expected). */
  @Nullable Object read(Response response, ApiRequest call, @Nullable Type type) throws IOException {
    try (ResponseBody body = response.body()) {
      if (!response.isSuccessful()) {
        throw ApiStatusException.of(
            call.operation(), response.code(), headers(response.headers()), excerpt(body.source().peek()));
      }
      if (type == null) {
        return null;
      }
      byte[] bytes = body.bytes();
      if (bytes.length == 0) {
        throw new ResponseNotUnderstoodException(
            call.operation(), response.code(), "expected a JSON body but the body was empty", "", null);
      }
      JsonAdapter<Object> adapter = moshi.adapter(type);
      try {
        Object value = adapter.fromJson(new Buffer().write(bytes));
        if (value == null) {
          throw new JsonDataException("expected a value but was null at path $");
        }
        return value;
      } catch (JsonDataException | JsonEncodingException | EOFException e) {
        String problem = e instanceof EOFException ? "the JSON ended early" : e.getMessage();
        throw new ResponseNotUnderstoodException(
            call.operation(), response.code(), problem, excerpt(new Buffer().write(bytes)), e);
      }
    }
  }

  private static String excerpt(okio.BufferedSource source) throws IOException {
    source.request(EXCERPT_BYTES);
    long available = Math.min(EXCERPT_BYTES, source.getBuffer().size());
    return source.getBuffer().snapshot((int) available).string(StandardCharsets.UTF_8);
  }

  static Map<String, List<String>> headers(Headers headers) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (String name : headers.names()) {
      result.put(name.toLowerCase(Locale.ROOT), headers.values(name));
    }
    return result;
  }
}
