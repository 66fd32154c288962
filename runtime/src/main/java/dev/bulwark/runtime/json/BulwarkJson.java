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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Moshi adapters for the Java types that OpenAPI formats map to: {@code date-time} as {@link OffsetDateTime},
 * {@code date} as {@link LocalDate}, {@code uuid} as {@link UUID}, {@code uri} as {@link URI} and {@code decimal} as
 * {@link BigDecimal}, and untyped values ({@code Object}) read with integers kept exact (see {@link #readJsonValue}).
 * Generated clients add these to their Moshi instance; no reflection is involved.
 */
@dev.bulwark.runtime.internal.ForGeneratedCode
public final class BulwarkJson {
  private BulwarkJson() {}

  /** The adapters above, as one factory to add to a {@link Moshi.Builder}. */
  public static JsonAdapter.Factory standardAdapters() {
    return StandardAdapters.INSTANCE;
  }

  /** One instance, so that the {@code Object} adapter can find Moshi's own behind it. */
  private static final class StandardAdapters implements JsonAdapter.Factory {
    static final StandardAdapters INSTANCE = new StandardAdapters();

    @Override
    public @Nullable JsonAdapter<?> create(
        java.lang.reflect.Type type, java.util.Set<? extends java.lang.annotation.Annotation> annotations,
        com.squareup.moshi.Moshi moshi) {
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
      if (type == Object.class) {
        return new ExactValueAdapter(moshi.nextAdapter(this, Object.class, annotations));
      }
      return null;
    }
  }

  /**
   * Reads any JSON value as maps, lists, strings, booleans and numbers, as {@link JsonReader#readJsonValue()} does but
   * with integers kept exact: a {@code Long}, or a {@code BigInteger} past its range, where Moshi's reader gives a
   * {@code double} that corrupts every integer above 2^53 (large IDs, seeds). Fractions are {@code Double}s.
   * Generated code calls it for union values and undeclared properties.
   */
  public static @Nullable Object readJsonValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, @Nullable Object> object = new java.util.LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          object.put(reader.nextName(), readJsonValue(reader));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY: {
        List<@Nullable Object> array = new java.util.ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(readJsonValue(reader));
        }
        reader.endArray();
        return array;
      }
      case NUMBER:
        return number(reader.nextString());
      case STRING:
        return reader.nextString();
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException("Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  private static Number number(String text) {
    boolean integer = !text.isEmpty();
    for (int i = 0; i < text.length() && integer; i++) {
      char c = text.charAt(i);
      integer = c >= '0' && c <= '9' || i == 0 && c == '-' && text.length() > 1;
    }
    if (!integer) {
      return Double.valueOf(text);
    }
    // At most 18 digits always fit a long; longer ones may.
    if (text.length() <= 18) {
      return Long.valueOf(text);
    }
    java.math.BigInteger big = new java.math.BigInteger(text);
    return big.bitLength() < 64 ? (Number) big.longValue() : big;
  }

  /** Moshi's adapter for {@code Object}, reading numbers exactly ({@link #readJsonValue}). */
  private static final class ExactValueAdapter extends JsonAdapter<Object> {
    private final JsonAdapter<Object> writer;

    ExactValueAdapter(JsonAdapter<Object> writer) {
      this.writer = writer;
    }

    @Override
    public @Nullable Object fromJson(JsonReader reader) throws IOException {
      return readJsonValue(reader);
    }

    @Override
    public void toJson(JsonWriter out, @Nullable Object value) throws IOException {
      if (value instanceof java.math.BigInteger || value instanceof BigDecimal) {
        out.value((Number) value);
      } else {
        writer.toJson(out, value);
      }
    }
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
   * Reads a property's value leniently: if the JSON token is not the kind the schema expects, or a scalar does not
   * parse (a date that is not a date, a fraction where an integer belongs), the value is set aside in
   * {@code problems} as raw JSON and {@code null} is returned, so that one bad value does not lose the whole
   * response.
   */
  public static <T> @Nullable T readProperty(
      JsonReader reader, JsonAdapter<T> adapter, ValueKind kind, String jsonName, JsonProblems problems)
      throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    if (!fits(kind, token)) {
      problems.setAside(jsonName, "expected " + kind + " but was " + token, readJsonValue(reader));
      return null;
    }
    if (kind != ValueKind.STRING && kind != ValueKind.NUMBER) {
      return adapter.fromJson(reader);
    }
    // Scalars that may fail to parse are taken as text first, so that a failure leaves the reader past the value
    // and the text can be kept.
    String text = reader.nextString();
    try {
      return adapter.fromJsonValue(text);
    } catch (JsonDataException | IllegalArgumentException | ArithmeticException e) {
      // Moshi throws ArithmeticException for an integer past the type's range (9223372036854776000 for a long).
      Object raw = token == JsonReader.Token.NUMBER ? (Object) number(text) : text;
      String expected = kind == ValueKind.NUMBER
          ? "a number that fits the declared type"
          : "a string in the declared format";
      problems.setAside(jsonName, "expected " + expected + " but was "
          + (token == JsonReader.Token.NUMBER ? text : "\"" + text + "\""), raw);
      return null;
    }
  }

  private static boolean fits(ValueKind kind, JsonReader.Token token) {
    switch (kind) {
      case TEXT:
      case STRING:
        return token == JsonReader.Token.STRING;
      case NUMBER:
        return token == JsonReader.Token.NUMBER || token == JsonReader.Token.STRING;
      case BOOLEAN:
        return token == JsonReader.Token.BOOLEAN;
      case OBJECT:
        return token == JsonReader.Token.BEGIN_OBJECT;
      case ARRAY:
        return token == JsonReader.Token.BEGIN_ARRAY;
      default:
        return true;
    }
  }

  /**
   * Picks the variant of a union ({@code oneOf}/{@code anyOf} without a discriminator) that a JSON value is: the
   * first whose JSON kind fits and that reads without problems, else the first that reads at all.
   *
   * @param json the value, as read by {@link JsonReader#readJsonValue()}
   * @param adapters the variants' adapters, in the spec's order
   * @param kinds the variants' JSON kinds, in the same order
   * @return the index of the variant and its value, or {@code null} when none fits
   */
  public static @Nullable UnionChoice chooseVariant(
      @Nullable Object json, List<? extends JsonAdapter<?>> adapters, List<ValueKind> kinds) {
    return chooseVariant(json, adapters, kinds, null);
  }

  /**
   * As {@link #chooseVariant(Object, List, List)}, among some variants only: those a discriminator tag the spec does
   * not list may still be (their tag value was OpenAPI's implicit guess, the component name).
   *
   * @param candidates the indexes of the variants to try, in order; {@code null} for all
   */
  public static @Nullable UnionChoice chooseVariant(@Nullable Object json, List<? extends JsonAdapter<?>> adapters,
      List<ValueKind> kinds, @Nullable List<Integer> candidates) {
    UnionChoice lenient = null;
    int count = candidates == null ? adapters.size() : candidates.size();
    for (int c = 0; c < count; c++) {
      int i = candidates == null ? c : candidates.get(c);
      if (!fits(kinds.get(i), json)) {
        continue;
      }
      Object value;
      try {
        value = adapters.get(i).fromJsonValue(json);
      } catch (RuntimeException e) {
        continue;
      }
      if (value == null) {
        continue;
      }
      List<String> problems = new java.util.ArrayList<>();
      collectProblems(problems, "$", value);
      // A variant that is a union holding its own Unknown did not really read the value.
      if (problems.isEmpty() && !(value instanceof UnknownVariant)) {
        return new UnionChoice(i, value);
      }
      if (lenient == null) {
        lenient = new UnionChoice(i, value);
      }
    }
    return lenient;
  }

  /** The variant of a union a JSON value was read as. */
  public record UnionChoice(int index, Object value) {}

  private static boolean fits(ValueKind kind, @Nullable Object json) {
    switch (kind) {
      case TEXT:
      case STRING:
        return json instanceof String;
      case NUMBER:
        // Exact kinds only: a string that looks like a number is left to a string variant.
        return json instanceof Number;
      case BOOLEAN:
        return json instanceof Boolean;
      case OBJECT:
        return json instanceof Map;
      case ARRAY:
        return json instanceof List;
      default:
        return true;
    }
  }

  /**
   * Writes {@code null} even when the writer drops nulls, for properties whose explicit {@code null} means something
   * (nullable and optional ones, and values kept as they came).
   */
  public static void writeNull(JsonWriter writer) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    writer.nullValue();
    writer.setSerializeNulls(serializeNulls);
  }

  /** Writes a property that is left out when it has no value. Generated adapters call it. */
  public static <T> void writeProperty(JsonWriter writer, String name, JsonAdapter<T> adapter, @Nullable T value)
      throws IOException {
    if (value != null) {
      writer.name(name);
      adapter.toJson(writer, value);
    }
  }

  /**
   * Writes a nullable property when {@code present}: its value, or an explicit {@code null} even when the writer drops
   * nulls. Generated adapters call it, passing {@code true} for required properties.
   */
  public static <T> void writeNullableProperty(
      JsonWriter writer, String name, JsonAdapter<T> adapter, @Nullable T value, boolean present) throws IOException {
    if (!present) {
      return;
    }
    writer.name(name);
    if (value == null) {
      writeNull(writer);
    } else {
      adapter.toJson(writer, value);
    }
  }

  /**
   * Writes a kept raw JSON value (as {@link JsonReader#readJsonValue()} read it) the way it came: {@code null}s
   * included, also inside objects, and whole numbers without the fraction that reading them as doubles gave them
   * ({@code 1}, not {@code 1.0}, which an integer field of a strict server would refuse).
   */
  public static void writeRaw(JsonWriter writer, @Nullable Object value) throws IOException {
    if (value == null) {
      writeNull(writer);
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        writeRaw(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object item : list) {
        writeRaw(writer, item);
      }
      writer.endArray();
    } else if (value instanceof Double number && number % 1 == 0 && Math.abs(number) <= MAX_EXACT_DOUBLE) {
      writer.value(number.longValue());
    } else {
      writer.jsonValue(value);
    }
  }

  /** 2^53: every whole number up to it is exactly a double, so that it can be written as an integer. */
  private static final double MAX_EXACT_DOUBLE = 9_007_199_254_740_992d;

  /**
   * The value of a required property, or a {@link ModelValidationException} naming it when a lenient read found it
   * missing. Generated getters of required properties call it.
   */
  public static <T> T required(@Nullable T value, String typeName, String jsonName) {
    if (value == null) {
      throw new ModelValidationException(typeName, List.of("$." + jsonName + ": required property is missing"));
    }
    return value;
  }

  /** Adds a problem under {@code path} when a required property is missing. Generated models call it. */
  public static void requireProperty(List<String> problems, String path, String jsonName, @Nullable Object value) {
    if (value == null) {
      problems.add(path + "." + jsonName + ": required property is missing");
    }
  }

  /**
   * Checks a builder's required values before it builds: {@code namesAndValues} alternates each value's name and the
   * value. Generated builders call it.
   *
   * @throws IllegalStateException naming every required value that was not set
   */
  public static void requireValues(String typeName, @Nullable Object... namesAndValues) {
    StringBuilder missing = null;
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] == null) {
        missing = (missing == null ? new StringBuilder() : missing).append(' ').append(namesAndValues[i]);
      }
    }
    if (missing != null) {
      throw new IllegalStateException(typeName + " is missing required values:" + missing);
    }
  }

  /** Adds the validation problems of a nested value (a model, or a list or map of them) under {@code path}. */
  public static void collectProblems(List<String> problems, String path, @Nullable Object value) {
    if (value instanceof Validatable model) {
      problems.addAll(model.validationProblems(path));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collectProblems(problems, path + "[" + i + "]", list.get(i));
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> collectProblems(problems, path + "." + key, item));
    }
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
