package dev.bulwark.generator.model;

import java.util.Optional;

/**
 * One path, query, header or cookie parameter of an operation.
 *
 * @param name the name on the wire
 * @param javaName a legal lowerCamelCase Java identifier, unique within the operation's parameters
 * @param style OpenAPI's {@code style} in upper snake case ({@code FORM}, {@code PIPE_DELIMITED}), the location's
 *     default when the spec sets none
 * @param explode OpenAPI's {@code explode}, with its default for the style
 * @param defaultValue the schema's {@code default} as JSON text, for documentation: the server applies it, so the
 *     client never sends a value the caller did not set
 * @param fixedValue the one value a required parameter can have (a {@code const} or one-value enum), as on the wire;
 *     the parameters builder starts with it and the caller need not give it
 * @param sensitive a secret (named like a credential, a cookie, {@code format: password} or marked
 *     {@code x-bulwark-sensitive}): the parameters class's {@code toString()} never shows its value
 */
public record ParameterModel(
    String name, String javaName, Location location, TypeRef type, boolean required, String description,
    boolean deprecated, String style, boolean explode, Optional<String> defaultValue, Optional<String> fixedValue,
    boolean sensitive) {

  /** A parameter that is not a secret. */
  public ParameterModel(String name, String javaName, Location location, TypeRef type, boolean required,
      String description, boolean deprecated, String style, boolean explode, Optional<String> defaultValue,
      Optional<String> fixedValue) {
    this(name, javaName, location, type, required, description, deprecated, style, explode, defaultValue,
        fixedValue, false);
  }

  /** Where a parameter travels. */
  public enum Location {
    PATH,
    QUERY,
    HEADER,
    COOKIE
  }
}
