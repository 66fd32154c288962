package dev.bulwark.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Flattens a value already turned into JSON's shapes (maps, lists, strings, numbers, booleans) into the
 * {@code name=value} fields of a query string or a form body, in OpenAPI's styles, and below the top level in the
 * bracket notation that form APIs read: {@code card[exp_month]=12}, {@code items[0][price]=p_1},
 * {@code tags[]=a}. A {@code null} member is left out.
 */
final class FlatFields {
  /**
   * One field. A field of several values is written as one {@code name=value} with the values joined by
   * {@code delimiter}, each encoded on its own so that the delimiter stays literal in a URL.
   */
  record Field(String name, List<String> values, String delimiter) {
    Field(String name, String value) {
      this(name, List.of(value), ",");
    }
  }

  private FlatFields() {}

  /**
   * The fields of the value {@code tree} named {@code name}.
   *
   * @param style OpenAPI's style, or {@code null} for the convention of form bodies whose encoding says nothing:
   *     objects in brackets, arrays of scalars repeated (or comma-separated when not exploded), arrays of objects
   *     indexed
   */
  static List<Field> of(String name, @Nullable Object tree, @Nullable ParameterStyle style, boolean explode) {
    List<Field> fields = new ArrayList<>();
    if (tree instanceof Map<?, ?> object) {
      if (style == ParameterStyle.FORM && explode) {
        // OpenAPI's form style: each member a field of its own name.
        object.forEach((key, member) -> nested(fields, String.valueOf(key), member));
      } else if (style == ParameterStyle.FORM || style == ParameterStyle.SIMPLE) {
        List<String> pairs = new ArrayList<>();
        object.forEach((key, member) -> {
          if (member != null) {
            pairs.add(String.valueOf(key));
            pairs.add(scalar(member));
          }
        });
        fields.add(new Field(name, pairs, ","));
      } else {
        nested(fields, name, object);
      }
    } else if (tree instanceof List<?> list) {
      array(fields, name, list, style, explode);
    } else if (tree != null) {
      fields.add(new Field(name, scalar(tree)));
    }
    return fields;
  }

  private static void array(List<Field> fields, String name, List<?> list, @Nullable ParameterStyle style,
      boolean explode) {
    if (!allScalars(list) || style == ParameterStyle.DEEP_OBJECT) {
      nested(fields, name, list);
      return;
    }
    List<String> values = list.stream().filter(v -> v != null).map(FlatFields::scalar).toList();
    if (values.isEmpty()) {
      return;
    }
    if (style == ParameterStyle.SPACE_DELIMITED) {
      fields.add(new Field(name, String.join(" ", values)));
    } else if (style == ParameterStyle.PIPE_DELIMITED) {
      fields.add(new Field(name, String.join("|", values)));
    } else if (explode) {
      values.forEach(value -> fields.add(new Field(name, value)));
    } else {
      fields.add(new Field(name, values, ","));
    }
  }

  /** Bracket notation: members as {@code name[key]}, scalar elements as {@code name[]}, others as {@code name[i]}. */
  private static void nested(List<Field> fields, String name, @Nullable Object tree) {
    if (tree instanceof Map<?, ?> object) {
      object.forEach((key, member) -> nested(fields, name + "[" + key + "]", member));
    } else if (tree instanceof List<?> list) {
      boolean scalars = allScalars(list);
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != null) {
          nested(fields, scalars ? name + "[]" : name + "[" + i + "]", list.get(i));
        }
      }
    } else if (tree != null) {
      fields.add(new Field(name, scalar(tree)));
    }
  }

  private static boolean allScalars(List<?> list) {
    return list.stream().noneMatch(element -> element instanceof Map<?, ?> || element instanceof List<?>);
  }

  /** A scalar's text: a whole number without a fraction, whatever JSON reading made of it. */
  static String scalar(Object value) {
    if (value instanceof Double number && !number.isInfinite() && number == Math.rint(number)
        && Math.abs(number) < 1e15) {
      return Long.toString(number.longValue());
    }
    return String.valueOf(value);
  }
}
