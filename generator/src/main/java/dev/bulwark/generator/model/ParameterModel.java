package dev.bulwark.generator.model;

/**
 * One path, query, header or cookie parameter of an operation.
 *
 * @param name the name on the wire
 * @param javaName a legal lowerCamelCase Java identifier, unique within the operation's parameters
 * @param style OpenAPI's {@code style} in upper snake case ({@code FORM}, {@code PIPE_DELIMITED}), the location's
 *     default when the spec sets none
 * @param explode OpenAPI's {@code explode}, with its default for the style
 */
public record ParameterModel(
    String name, String javaName, Location location, TypeRef type, boolean required, String description,
    boolean deprecated, String style, boolean explode) {

  /** Where a parameter travels. */
  public enum Location {
    PATH,
    QUERY,
    HEADER,
    COOKIE
  }
}
