package dev.bulwark.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({
      "pet store-api, PetStoreApi",
      "petId, PetId",
      "HTTPServer, HttpServer",
      "user_id, UserId",
      "2fa, T2fa",
      "Café, Cafe",
      "'', Unnamed",
  })
  void upperCamel(String raw, String expected) {
    assertThat(Names.upperCamel(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "user-id, userId",
      "X-Request-ID, xRequestId",
      "class, classValue",
      "default, defaultValue",
      "2fa, n2fa",
      "fun, funValue",
      "when, whenValue",
      "petId, petId",
      "'$ref', ref",
  })
  void lowerCamelIsALegalReadableIdentifier(String raw, String expected) {
    assertThat(Names.lowerCamel(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "in-quarantine, IN_QUARANTINE",
      "available, AVAILABLE",
      "camelCase, CAMEL_CASE",
      "1st, VALUE_1ST",
      "'', EMPTY",
  })
  void upperSnake(String raw, String expected) {
    assertThat(Names.upperSnake(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"as", "break", "class", "continue", "do", "else", "false",
      "for", "fun", "if", "in", "interface", "is", "null", "object", "package", "return", "super", "this", "throw",
      "true", "try", "typealias", "typeof", "val", "var", "when", "while"})
  void noMemberNameIsAKotlinHardKeyword(String keyword) {
    // A getter getIn() reads as the Kotlin property `in`, which would need backticks: every hard keyword is renamed.
    assertThat(Names.lowerCamel(keyword)).isEqualTo(keyword + "Value");
  }

  @Test
  void typeNamesNeverShadowJavaLang() {
    assertThat(Names.typeName("error")).isEqualTo("ErrorModel");
    assertThat(Names.typeName("string")).isEqualTo("StringModel");
    assertThat(Names.typeName("pet")).isEqualTo("Pet");
  }

  @Test
  void uniqueNamesSuffixCollisionsIgnoringCase() {
    UniqueNames names = new UniqueNames().reserve("builder");
    assertThat(names.claim("Pet")).isEqualTo("Pet");
    assertThat(names.claim("pet")).isEqualTo("pet2");
    assertThat(names.claim("Pet")).isEqualTo("Pet3");
    assertThat(names.claim("builder")).isEqualTo("builder2");
  }
}
