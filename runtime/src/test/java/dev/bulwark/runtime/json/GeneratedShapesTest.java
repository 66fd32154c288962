package dev.bulwark.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The runtime bases as generated code uses them, through classes written the way the generator writes them: an
 * integer enum (no sample spec has one) and a model with a required property.
 */
class GeneratedShapesTest {
  static final class Level extends OpenEnum<Long, Level.Known> {
    static final Level LOW = new Level(1L, Known.LOW);
    static final Level HIGH = new Level(5L, Known.HIGH);
    private static final Map<Long, Level> BY_VALUE = byValue(List.of(LOW, HIGH));

    private Level(long value, Known known) {
      super(value, known);
    }

    static Level of(long value) {
      Level constant = BY_VALUE.get(value);
      return constant != null ? constant : new Level(value, Known._UNKNOWN);
    }

    enum Known { LOW, HIGH, _UNKNOWN }

    static final class Json extends OpenEnum.LongAdapter<Level> {
      Json() {
        super(Level::of);
      }
    }
  }

  static final class Point extends JsonModel {
    private final @Nullable Long x;
    private final @Nullable Level level;

    private Point(Builder builder) {
      super(builder);
      this.x = builder.x;
      this.level = builder.level;
    }

    @Override
    protected void collectProblems(List<String> problems, String path) {
      BulwarkJson.requireProperty(problems, path, "x", x);
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Point that && Objects.equals(x, that.x) && Objects.equals(level, that.level)
          && sameAdditionalProperties(that);
    }

    @Override
    public int hashCode() {
      return Objects.hash(x, level, getAdditionalProperties());
    }

    @Override
    public String toString() {
      return "Point{x=" + x + ", level=" + level + additionalPropertiesText(", ") + "}";
    }

    static final class Builder extends JsonModel.Builder<Builder> {
      private @Nullable Long x;
      private @Nullable Level level;

      Builder x(long x) {
        this.x = x;
        return this;
      }

      Point build() {
        BulwarkJson.requireValues("Point", "x", x);
        return new Point(this);
      }
    }

    static final class Json extends ObjectAdapter<Point, Builder> {
      private final JsonAdapter<Long> longAdapter;
      private final JsonAdapter<Level> levelAdapter;

      Json(Moshi moshi) {
        super(Builder::new, Point::new, "x", "level");
        this.longAdapter = moshi.adapter(Long.class);
        this.levelAdapter = moshi.adapter(Level.class);
      }

      @Override
      protected void read(int index, Builder builder, JsonReader reader, JsonProblems problems) throws IOException {
        switch (index) {
          case 0 -> builder.x = BulwarkJson.readProperty(reader, longAdapter, ValueKind.NUMBER, "x", problems);
          case 1 -> builder.level = BulwarkJson.readProperty(reader, levelAdapter, ValueKind.NUMBER, "level", problems);
          default -> throw new AssertionError(index);
        }
      }

      @Override
      protected void write(JsonWriter writer, Point value) throws IOException {
        BulwarkJson.writeProperty(writer, "x", longAdapter, value.x);
        BulwarkJson.writeProperty(writer, "level", levelAdapter, value.level);
      }
    }
  }

  private final Moshi moshi = new Moshi.Builder()
      .add((type, annotations, moshi) -> type == Point.class ? new Point.Json(moshi).nullSafe()
          : type == Level.class ? new Level.Json().nullSafe() : null)
      .build();

  @Test
  void integerEnumsReadKnownAndUnknownValuesAndWriteThemBack() throws IOException {
    JsonAdapter<Level> adapter = moshi.adapter(Level.class);

    assertThat(adapter.fromJson("5")).isSameAs(Level.HIGH);
    Level unknown = adapter.fromJson("9");
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.known()).isEqualTo(Level.Known._UNKNOWN);
    assertThat(unknown).isEqualTo(Level.of(9)).hasSameHashCodeAs(Level.of(9)).isNotEqualTo(Level.HIGH);
    assertThat(unknown.getValue()).isEqualTo(9L);
    assertThat(adapter.toJson(unknown)).isEqualTo("9");
    assertThat(Level.LOW.isKnown()).isTrue();
    assertThat(Level.LOW).hasToString("1");
  }

  @Test
  void modelsKeepUndeclaredAndMistypedPropertiesAndWriteThemBack() throws IOException {
    JsonAdapter<Point> adapter = moshi.adapter(Point.class);

    Point point = adapter.fromJson("{\"x\": \"far\", \"level\": 7, \"note\": [1, 2.5, null, {\"gone\": null}]}");

    assertThat(point.getAdditionalProperties()).containsOnlyKeys("x", "note");
    assertThat(point.validationProblems("$"))
        .containsExactly("$.x: expected a number that fits the declared type but was \"far\"",
            "$.x: required property is missing");
    // Written back as it came: whole numbers without a fraction, nulls inside objects kept.
    assertThat(adapter.toJson(point))
        .isEqualTo("{\"level\":7,\"note\":[1,2.5,null,{\"gone\":null}],\"x\":\"far\"}");
    assertThat(point).hasToString("Point{x=null, level=7, additionalProperties={note=[1, 2.5, null, {gone=null}], x=far}}");
  }

  @Test
  void additionalPropertiesChainWithTheGeneratedSettersAndCountInEquality() {
    Point plain = new Point.Builder().x(1).build();
    Point noted = new Point.Builder().additionalProperty("note", "hi").x(1).build();

    assertThat(noted.getAdditionalProperties()).containsEntry("note", "hi");
    assertThat(noted).isNotEqualTo(plain);
    assertThat(new Point.Builder().x(1).additionalProperties(Map.of("note", "hi")).build())
        .isEqualTo(noted).hasSameHashCodeAs(noted);
    assertThat(plain.validationProblems("$")).isEmpty();
    assertThat(plain).hasToString("Point{x=1, level=null}");
  }
}
