package dev.bulwark.runtime.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Moshi adapters for the Java types that OpenAPI formats map to: {@code date-time} as {@link OffsetDateTime},
 * {@code date} as {@link LocalDate}, {@code uuid} as {@link UUID}, {@code uri} as {@link URI} and {@code decimal} as
 * {@link BigDecimal}. Generated clients add these to their Moshi instance; no reflection is involved.
 */
public final class BulwarkJson {
  private BulwarkJson() {}

  /** The adapters above, as one factory to add to a {@link Moshi.Builder}. */
  public static JsonAdapter.Factory standardAdapters() {
    return (type, annotations, moshi) -> {
      if (!annotations.isEmpty()) {
        return null;
      }
      if (type == OffsetDateTime.class) {
        return new StringFormAdapter<>(
            "a date-time (RFC 3339)",
            OffsetDateTime::parse,
            DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).nullSafe();
      }
      if (type == LocalDate.class) {
        return new StringFormAdapter<>("a date (YYYY-MM-DD)", LocalDate::parse, LocalDate::toString).nullSafe();
      }
      if (type == UUID.class) {
        return new StringFormAdapter<>("a UUID", UUID::fromString, UUID::toString).nullSafe();
      }
      if (type == URI.class) {
        return new StringFormAdapter<>("a URI", BulwarkJson::parseUri, URI::toString).nullSafe();
      }
      if (type == BigDecimal.class) {
        return new BigDecimalAdapter().nullSafe();
      }
      return null;
    };
  }

  /**
   * Formats a parameter value for a path, query or header: date-times as RFC 3339 with seconds, everything else by
   * {@link String#valueOf(Object)} (generated enums print their wire value).
   */
  public static String formatParameter(Object value) {
    if (value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
    }
    return String.valueOf(value);
  }

  /**
   * Returns {@code value}, or fails with a message naming the property and its JSON path when a property that the spec
   * says is never null was null. Generated adapters call it for required properties.
   */
  public static <T> T requireValue(@Nullable T value, String jsonName, JsonReader reader) {
    if (value == null) {
      throw new JsonDataException("Required property '" + jsonName + "' was null at path " + reader.getPath());
    }
    return value;
  }

  private static URI parseUri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** A value written as a JSON string in a fixed textual form. */
  private static final class StringFormAdapter<T> extends JsonAdapter<T> {
    private final String description;
    private final Function<String, T> parse;
    private final Function<T, String> format;

    StringFormAdapter(String description, Function<String, T> parse, Function<T, String> format) {
      this.description = description;
      this.parse = parse;
      this.format = format;
    }

    @Override
    public T fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      String text = reader.nextString();
      try {
        return parse.apply(text);
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new JsonDataException("Expected " + description + " but was \"" + text + "\" at path " + path, e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
      writer.value(format.apply(value));
    }
  }

  /** Decimals keep every digit: they are read from the token text, never through a double. */
  private static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      String text = reader.nextString();
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new JsonDataException("Expected a decimal number but was \"" + text + "\" at path " + path, e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable BigDecimal value) throws IOException {
      writer.value(value);
    }
  }
}
