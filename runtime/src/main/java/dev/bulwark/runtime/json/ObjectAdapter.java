package dev.bulwark.runtime.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The base of every generated model's JSON adapter. Reading is lenient: a value of the wrong type is set aside (see
 * {@link BulwarkJson#readProperty}), a missing required property is left for {@link Validatable#validate()}, and
 * properties the spec does not declare are kept; writing gives back what was read, those properties included.
 *
 * @param <T> the model
 * @param <B> its builder, which the generated adapter fills
 */
public abstract class ObjectAdapter<T extends JsonModel, B extends JsonModel.Builder<B>> extends JsonAdapter<T> {
  private final Supplier<B> newBuilder;
  private final Function<B, T> build;
  private final JsonReader.Options names;

  /**
   * @param newBuilder makes an empty builder
   * @param build builds the model without checking required values
   * @param names the declared JSON names, in the order {@link #read} numbers them
   */
  protected ObjectAdapter(Supplier<B> newBuilder, Function<B, T> build, String... names) {
    this.newBuilder = newBuilder;
    this.build = build;
    this.names = JsonReader.Options.of(names);
  }

  /** Reads the value of the declared property {@code index} into {@code builder}. */
  protected abstract void read(int index, B builder, JsonReader reader, JsonProblems problems) throws IOException;

  /** Writes the declared properties of {@code value}. */
  protected abstract void write(JsonWriter writer, T value) throws IOException;

  @Override
  public final T fromJson(JsonReader reader) throws IOException {
    B builder = newBuilder.get();
    JsonProblems problems = new JsonProblems();
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(names);
      if (index == -1) {
        builder.additionalProperties.put(reader.nextName(), BulwarkJson.readJsonValue(reader));
      } else {
        read(index, builder, reader, problems);
      }
    }
    reader.endObject();
    builder.additionalProperties.putAll(problems.rawValues());
    builder.parseProblems = problems.messages();
    return build.apply(builder);
  }

  @Override
  public final void toJson(JsonWriter writer, @Nullable T value) throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    writer.beginObject();
    write(writer, value);
    for (Map.Entry<String, @Nullable Object> property : value.getAdditionalProperties().entrySet()) {
      writer.name(property.getKey());
      BulwarkJson.writeRaw(writer, property.getValue());
    }
    writer.endObject();
  }
}
