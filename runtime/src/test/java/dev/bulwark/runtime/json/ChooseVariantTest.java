package dev.bulwark.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How a union without a discriminator picks its variant. */
class ChooseVariantTest {
  /** A nested union that takes anything, as its own Unknown: what a generated union's adapter does. */
  private record NestedUnknown(@Nullable Object json) implements UnknownVariant {}

  private static final JsonAdapter<Object> NESTED_UNION = new JsonAdapter<>() {
    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      Object json = BulwarkJson.readJsonValue(reader);
      return json instanceof String ? json : new NestedUnknown(json);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Object value) {
      throw new UnsupportedOperationException();
    }
  };

  private final JsonAdapter<Map<String, Object>> object = new Moshi.Builder().build()
      .adapter(com.squareup.moshi.Types.newParameterizedType(Map.class, String.class, Object.class));

  @Test
  void aNestedUnionsUnknownGivesWayToAVariantThatReadsTheValue() {
    // intercom's custom attribute: anyOf [datetime (itself a union), custom_object_instance_list].
    List<JsonAdapter<?>> adapters = List.of(NESTED_UNION, object);
    List<ValueKind> kinds = List.of(ValueKind.ANY, ValueKind.OBJECT);
    BulwarkJson.UnionChoice choice = BulwarkJson.chooseVariant(Map.of("type", "Order.list"), adapters, kinds);
    assertThat(choice).isNotNull();
    assertThat(choice.index()).isEqualTo(1);
    assertThat(BulwarkJson.chooseVariant("2024-05-01", adapters, kinds).index()).isEqualTo(0);
    // Nothing else reads it: the nested union's Unknown still beats losing the value.
    assertThat(BulwarkJson.chooseVariant(List.of(21), adapters, kinds).value()).isInstanceOf(NestedUnknown.class);
  }

  @Test
  void candidatesLimitTheVariantsTried() {
    List<JsonAdapter<?>> adapters = List.of(object, object);
    List<ValueKind> kinds = List.of(ValueKind.OBJECT, ValueKind.OBJECT);
    assertThat(BulwarkJson.chooseVariant(Map.of(), adapters, kinds, List.of(1)).index()).isEqualTo(1);
    assertThat(BulwarkJson.chooseVariant("text", adapters, kinds, List.of(1))).isNull();
  }
}
