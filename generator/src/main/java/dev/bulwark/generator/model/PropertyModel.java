package dev.bulwark.generator.model;

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
 */
public record PropertyModel(
    String jsonName, String javaName, TypeRef type, boolean required, boolean nullable, String description,
    boolean deprecated, boolean readOnly, boolean writeOnly) {

  /** A property that both sides read and write. */
  public PropertyModel(String jsonName, String javaName, TypeRef type, boolean required, boolean nullable,
      String description, boolean deprecated) {
    this(jsonName, javaName, type, required, nullable, description, deprecated, false, false);
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
