package dev.bulwark.generator.normalize;

import dev.bulwark.runtime.json.CredentialNames;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;

/**
 * Whether a property's or parameter's value is a secret that {@code toString()} must not print: {@code writeOnly}
 * (what only the client sends: passwords, card numbers), {@code format: password}, marked
 * {@code x-bulwark-sensitive: true}, or named like a credential ({@link CredentialNames}, the runtime's own list).
 */
final class Sensitivity {
  static final String EXTENSION = "x-bulwark-sensitive";

  private Sensitivity() {}

  static boolean of(String name, Schema<?> schema, Schema<?> resolved, Warnings warnings, String pointer) {
    return CredentialNames.isCredential(name)
        || Boolean.TRUE.equals(schema.getWriteOnly()) || resolved != null && Boolean.TRUE.equals(resolved.getWriteOnly())
        || "password".equals(schema.getFormat()) || resolved != null && "password".equals(resolved.getFormat())
        || marked(schema.getExtensions(), warnings, pointer);
  }

  /** A parameter (a header, query or cookie value), by its name and its schema's format or mark. */
  static boolean ofParameter(String name, Map<String, Object> extensions, Schema<?> schema, Warnings warnings,
      String pointer) {
    return CredentialNames.isCredential(name) || name.equalsIgnoreCase("cookie")
        || schema != null && "password".equals(schema.getFormat()) || marked(extensions, warnings, pointer)
        || schema != null && marked(schema.getExtensions(), warnings, pointer);
  }

  private static boolean marked(Map<String, Object> extensions, Warnings warnings, String pointer) {
    Object value = extensions == null ? null : extensions.get(EXTENSION);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    warnings.add(JsonPointer.child(pointer, EXTENSION), "must be true or false; was '" + value
        + "'; the value is treated as sensitive");
    return true;
  }
}
