package dev.bulwark.generator.model;

import java.util.Optional;

/**
 * One property of an object model.
 *
 * @param jsonName the name on the wire, exactly as the spec writes it
 * @param javaName a legal, readable lowerCamelCase Java identifier, unique within its type
 * @param required whether the spec lists the property as required
 * @param nullable whether the value may be JSON {@code null}
 * @param description the spec's description, or empty
 * @param readOnly set by the server: present in responses, never required when building a request
 * @param writeOnly sent by the client only: required when building a request, absent from responses
 * @param defaultValue the spec's {@code default} as JSON text, for documentation: the server applies a default, so
 *     the client never sends one the caller did not set
 * @param fixedValue the one value a request can send, as on the wire: a {@code const}, a one-value enum, or the
 *     discriminator value that selects this model in every union that has it as a variant; builders start with it
 * @param sensitive a secret ({@code writeOnly}, {@code format: password}, {@code x-bulwark-sensitive}, or named like
 *     a credential): {@code toString()} shows that it is set, never its value
 */
public record PropertyModel(
    String jsonName, String javaName, TypeRef type, boolean required, boolean nullable, String description,
    boolean deprecated, boolean readOnly, boolean writeOnly, Optional<String> defaultValue,
    Optional<String> fixedValue, boolean sensitive) {

  /** A property that is not a secret. */
  public PropertyModel(String jsonName, String javaName, TypeRef type, boolean required, boolean nullable,
      String description, boolean deprecated, boolean readOnly, boolean writeOnly, Optional<String> defaultValue,
      Optional<String> fixedValue) {
    this(jsonName, javaName, type, required, nullable, description, deprecated, readOnly, writeOnly, defaultValue,
        fixedValue, false);
  }

  /** A property that both sides read and write, with neither a default nor a fixed value. */
  public PropertyModel(String jsonName, String javaName, TypeRef type, boolean required, boolean nullable,
      String description, boolean deprecated) {
    this(jsonName, javaName, type, required, nullable, description, deprecated, false, false, Optional.empty(),
        Optional.empty());
  }

  /** This property with {@code value} as its fixed value. */
  public PropertyModel withFixedValue(Optional<String> value) {
    return new PropertyModel(jsonName, javaName, type, required, nullable, description, deprecated, readOnly,
        writeOnly, defaultValue, value, sensitive);
  }

  /** Whether Java code may treat the value as always present in what the server sends. */
  public boolean alwaysPresent() {
    return required && !nullable && !writeOnly;
  }

  /** Whether a builder must be given the value: required, and not one the server sets. */
  public boolean requiredToBuild() {
    return required && !nullable && !readOnly;
  }
}
