package dev.bulwark.generator.model;

/**
 * One path, query, header or cookie parameter of an operation.
 *
 * @param name the name on the wire
 * @param javaName a legal lowerCamelCase Java identifier, unique within the operation's parameters
 */
public record ParameterModel(
    String name, String javaName, Location location, TypeRef type, boolean required, String description,
    boolean deprecated) {

  /** Where a parameter travels. */
  public enum Location {
    PATH,
    QUERY,
    HEADER,
    COOKIE
  }
}
