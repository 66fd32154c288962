package dev.bulwark.generator.model;

import java.util.List;

/**
 * A closed set of string or integer values, emitted as a Java enum with a JSON adapter.
 *
 * @param integer whether the values are integers rather than strings
 */
public record EnumModel(
    String name, String description, String origin, boolean integer, List<EnumConstant> constants)
    implements TypeModel {
  public EnumModel {
    constants = List.copyOf(constants);
  }

  /**
   * @param javaName an UPPER_SNAKE_CASE Java identifier, unique within the enum
   * @param value the value on the wire, as text
   */
  public record EnumConstant(String javaName, String value) {}
}
