package dev.bulwark.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.bulwark.runtime.error.ErrorContext;
import dev.bulwark.runtime.error.ErrorResponse;
import dev.bulwark.runtime.error.ResponseNotUnderstoodException;
import dev.bulwark.runtime.error.StreamErrorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * Turns each event of one stream into a value: the sentinel ends the stream, an {@code error} event becomes a
 * {@link StreamErrorException}, and data is read as the event type ({@code String} as it is).
 */
final class EventDecoder<T> implements EventStream.Decoder<T> {
  private static final MediaType JSON = MediaType.get("application/json");

  private final @Nullable JsonAdapter<Object> adapter;
  private final @Nullable String sentinel;
  private final ErrorNormalizer errors;
  private final OperationSpec operation;
  private final int status;
  private final Supplier<ErrorContext> errorContext;

  /**
   * @param adapter how event data is read, or {@code null} to hand it over as a {@code String}
   * @param status the status of the response that opened the stream, for errors
   */
  EventDecoder(@Nullable JsonAdapter<Object> adapter, @Nullable String sentinel, ErrorNormalizer errors,
      OperationSpec operation, int status, Supplier<ErrorContext> errorContext) {
    this.adapter = adapter;
    this.sentinel = sentinel;
    this.errors = errors;
    this.operation = operation;
    this.status = status;
    this.errorContext = errorContext;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable T decode(ServerSentEvent event) {
    if (sentinel != null && event.data().trim().equals(sentinel)) {
      return null;
    }
    byte[] data = event.data().getBytes(StandardCharsets.UTF_8);
    if (event.event().equals("error")) {
      ErrorResponse details = errors.normalize(operation, status, Map.of(), data, JSON);
      throw new StreamErrorException(errorContext.get(), details.code(), details.message(),
          ErrorNormalizer.excerpt(data));
    }
    if (adapter == null) {
      return (T) event.data();
    }
    try {
      Object value = adapter.fromJson(event.data());
      if (value == null) {
        throw new JsonDataException("expected a value but was null at path $");
      }
      return (T) value;
    } catch (IOException | JsonDataException e) {
      throw new ResponseNotUnderstoodException(errorContext.get(), status,
          "event '" + event.event() + "': " + e.getMessage(), ErrorNormalizer.excerpt(data), e);
    }
  }
}
