package dev.bulwark.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BulwarkJsonTest {
  private final Moshi moshi = new Moshi.Builder().add(BulwarkJson.standardAdapters()).build();

  @Test
  void dateTimesKeepTheirSecondsAndOffset() throws Exception {
    OffsetDateTime time = OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.ofHours(2));
    String json = moshi.adapter(OffsetDateTime.class).toJson(time);

    assertThat(json).isEqualTo("\"2024-01-02T03:04:00+02:00\"");
    assertThat(moshi.adapter(OffsetDateTime.class).fromJson(json)).isEqualTo(time);
  }

  @Test
  void decimalsKeepEveryDigit() throws Exception {
    BigDecimal value = moshi.adapter(BigDecimal.class).fromJson("3.14159265358979323846264338327950288");

    assertThat(value).isEqualTo(new BigDecimal("3.14159265358979323846264338327950288"));
    assertThat(moshi.adapter(BigDecimal.class).toJson(value)).isEqualTo("3.14159265358979323846264338327950288");
  }

  @Test
  void datesUuidsAndUrisRoundTrip() throws Exception {
    assertThat(moshi.adapter(LocalDate.class).fromJson("\"2020-02-29\"")).isEqualTo(LocalDate.of(2020, 2, 29));
    UUID id = UUID.randomUUID();
    assertThat(moshi.adapter(UUID.class).fromJson("\"" + id + "\"")).isEqualTo(id);
    assertThat(moshi.adapter(URI.class).fromJson("\"https://x.example/a?b=c\"")).isEqualTo(URI.create("https://x.example/a?b=c"));
    assertThat(moshi.adapter(LocalDate.class).fromJson("null")).isNull();
  }

  @Test
  void badValuesNameTheExpectedFormAndPath() {
    assertThatThrownBy(() -> moshi.adapter(LocalDate.class).fromJson("\"yesterday\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected a date (YYYY-MM-DD) but was \"yesterday\" at path $");
  }

  @Test
  void parametersFormatDateTimesWithSeconds() {
    assertThat(BulwarkJson.formatParameter(OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("2024-01-02T03:04:00Z");
    assertThat(BulwarkJson.formatParameter(42L)).isEqualTo("42");
  }

  @Test
  void requiredValuesAreNamedTogetherWhenMissing() {
    BulwarkJson.requireValues("Pet", "id", 1L, "name", "Rex");

    assertThatThrownBy(() -> BulwarkJson.requireValues("Pet", "id", null, "name", "Rex", "tag", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Pet is missing required values: id tag");
  }

  @Test
  void propertiesAreWrittenOnlyWithAValueOrWhenPresentAndNullable() throws Exception {
    okio.Buffer buffer = new okio.Buffer();
    com.squareup.moshi.JsonWriter writer = com.squareup.moshi.JsonWriter.of(buffer);
    com.squareup.moshi.JsonAdapter<String> strings = moshi.adapter(String.class);
    writer.beginObject();
    BulwarkJson.writeProperty(writer, "absent", strings, null);
    BulwarkJson.writeProperty(writer, "a", strings, "x");
    BulwarkJson.writeNullableProperty(writer, "unset", strings, null, false);
    BulwarkJson.writeNullableProperty(writer, "cleared", strings, null, true);
    BulwarkJson.writeNullableProperty(writer, "b", strings, "y", true);
    writer.endObject();
    writer.close();

    assertThat(buffer.readUtf8()).isEqualTo("{\"a\":\"x\",\"cleared\":null,\"b\":\"y\"}");
  }

  @Test
  void aMissingRequiredPropertyIsAProblemAtItsPath() {
    java.util.List<String> problems = new java.util.ArrayList<>();
    BulwarkJson.requireProperty(problems, "$.pet", "name", "Rex");
    BulwarkJson.requireProperty(problems, "$.pet", "id", null);

    assertThat(problems).containsExactly("$.pet.id: required property is missing");
  }
}
