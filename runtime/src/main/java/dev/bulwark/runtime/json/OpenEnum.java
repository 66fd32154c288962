package dev.bulwark.runtime.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The base of every generated enum. It is open: besides its constants, the generated {@code of(value)} accepts values
 * the spec does not list, so that a newer server's value neither fails a response nor changes when written back.
 * {@link #known()} gives a Java enum of the listed values plus {@value #UNKNOWN}, for an exhaustive {@code switch} or
 * Kotlin {@code when}. Two instances are equal when their values are.
 *
 * @param <V> the value type: {@link String}, or {@link Long} for integer enums
 * @param <K> the generated enum of the known values
 */
public abstract class OpenEnum<V, K extends Enum<K>> {
  /** The name of the constant of every generated {@code Known} enum that stands for values the spec does not list. */
  public static final String UNKNOWN = "_UNKNOWN";

  private final V value;
  private final K known;

  /** The instance for {@code value}, which is {@code known} ({@value #UNKNOWN} for values the spec does not list). */
  protected OpenEnum(V value, K known) {
    this.value = Objects.requireNonNull(value, "value");
    this.known = Objects.requireNonNull(known, "known");
  }

  /** The value as it travels in JSON and in parameters. */
  public final V getValue() {
    return value;
  }

  /** The known value this is, or {@value #UNKNOWN}: switch over this. */
  public final K known() {
    return known;
  }

  /** Whether the spec lists this value. */
  public final boolean isKnown() {
    return !known.name().equals(UNKNOWN);
  }

  @Override
  public final boolean equals(@Nullable Object other) {
    return other != null && other.getClass() == getClass() && value.equals(((OpenEnum<?, ?>) other).value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** The wire value, so that a constant formats correctly as a parameter. */
  @Override
  public final String toString() {
    return value.toString();
  }

  /** The constants by value, for a generated {@code of}. */
  protected static <V, E extends OpenEnum<V, ?>> Map<V, E> byValue(List<E> constants) {
    Map<V, E> byValue = new LinkedHashMap<>();
    for (E constant : constants) {
      byValue.put(constant.getValue(), constant);
    }
    return byValue;
  }

  /**
   * Reads and writes a string enum as a JSON string; the base of generated adapters.
   *
   * @param <E> the enum
   */
  public abstract static class StringAdapter<E extends OpenEnum<String, ?>> extends JsonAdapter<E> {
    private final Function<String, E> of;

    /** @param of the enum's {@code of} */
    protected StringAdapter(Function<String, E> of) {
      this.of = of;
    }

    @Override
    public final E fromJson(JsonReader reader) throws IOException {
      return of.apply(reader.nextString());
    }

    @Override
    public final void toJson(JsonWriter writer, @Nullable E value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        writer.value(value.getValue());
      }
    }
  }

  /**
   * Reads and writes an integer enum as a JSON number; the base of generated adapters.
   *
   * @param <E> the enum
   */
  public abstract static class LongAdapter<E extends OpenEnum<Long, ?>> extends JsonAdapter<E> {
    private final LongFunction<E> of;

    /** @param of the enum's {@code of} */
    protected LongAdapter(LongFunction<E> of) {
      this.of = of;
    }

    @Override
    public final E fromJson(JsonReader reader) throws IOException {
      return of.apply(reader.nextLong());
    }

    @Override
    public final void toJson(JsonWriter writer, @Nullable E value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        writer.value(value.getValue().longValue());
      }
    }
  }
}
