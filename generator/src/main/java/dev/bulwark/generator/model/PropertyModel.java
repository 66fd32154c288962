package dev.bulwark.generator.model;

/**
 * One property of an object model.
 *
 * @param jsonName the name on the wire, exactly as the spec writes it
 * @param javaName a legal, readable lowerCamelCase Java identifier, unique within its type
 * @param required whether the spec lists the property as required
 * @param nullable whether the value may be JSON {@code null}
 * @param description the spec's description, or empty
 */
public record PropertyModel(
    String jsonName, String javaName, TypeRef type, boolean required, boolean nullable, String description,
    boolean deprecated) {

  /** Whether Java code may treat the value as always present. */
  public boolean alwaysPresent() {
    return required && !nullable;
  }
}
