package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fields a value in JSON's shapes becomes, in each style and in the convention of form APIs. */
class FlatFieldsTest {
  private static String fields(String name, Object tree, ParameterStyle style, boolean explode) {
    return String.join("&", FlatFields.of(name, tree, style, explode).stream()
        .map(field -> field.name() + "=" + String.join(field.delimiter(), field.values())).toList());
  }

  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void theConventionNestsObjectsInBracketsAndIndexesArraysOfObjects() {
    Object card = object("cvc", "314", "exp", object("month", 12L, "year", 2030L), "gone", null);
    assertThat(fields("card", card, null, true)).isEqualTo("card[cvc]=314&card[exp][month]=12&card[exp][year]=2030");
    Object items = List.of(object("price", "p_1", "tags", List.of("a", "b")), object("price", "p_2"));
    assertThat(fields("items", items, null, true))
        .isEqualTo("items[0][price]=p_1&items[0][tags][]=a&items[0][tags][]=b&items[1][price]=p_2");
    assertThat(fields("tags", List.of("a", "b"), null, true)).as("scalars as they always were").isEqualTo("tags=a&tags=b");
    assertThat(fields("tags", List.of("a", "b"), null, false)).isEqualTo("tags=a,b");
    assertThat(fields("n", 12.0, null, true)).as("a whole number read as a double").isEqualTo("n=12");
    assertThat(fields("n", 12.5, null, true)).isEqualTo("n=12.5");
  }

  @Test
  void deepObjectBracketsArraysToo() {
    assertThat(fields("expand", List.of("customer", "invoice"), ParameterStyle.DEEP_OBJECT, true))
        .isEqualTo("expand[]=customer&expand[]=invoice");
    assertThat(fields("created", object("gte", 1L), ParameterStyle.DEEP_OBJECT, true)).isEqualTo("created[gte]=1");
    assertThat(fields("created", 1700000000L, ParameterStyle.DEEP_OBJECT, true)).as("a scalar variant")
        .isEqualTo("created=1700000000");
    assertThat(fields("list", Arrays.asList("a", null, "b"), ParameterStyle.DEEP_OBJECT, true))
        .isEqualTo("list[]=a&list[]=b");
  }

  @Test
  void formAndDelimitedStyles() {
    Map<String, Object> role = object("role", "admin", "name", "Alex");
    assertThat(fields("id", role, ParameterStyle.FORM, true)).isEqualTo("role=admin&name=Alex");
    assertThat(fields("id", role, ParameterStyle.FORM, false)).isEqualTo("id=role,admin,name,Alex");
    assertThat(fields("ids", List.of(1L, 2L), ParameterStyle.SPACE_DELIMITED, false)).isEqualTo("ids=1 2");
    assertThat(fields("ids", List.of(1L, 2L), ParameterStyle.PIPE_DELIMITED, false)).isEqualTo("ids=1|2");
    assertThat(fields("ids", List.of(), ParameterStyle.FORM, true)).isEmpty();
  }
}
