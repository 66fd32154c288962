package dev.bulwark.generator.normalize;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a property's or parameter's value is a secret that {@code toString()} must not print: {@code writeOnly}
 * (what only the client sends: passwords, card numbers), {@code format: password}, marked
 * {@code x-bulwark-sensitive: true}, or named like a credential.
 */
final class Sensitivity {
  static final String EXTENSION = "x-bulwark-sensitive";
  /** Names that hold credentials; a plain {@code token} (a page token) is not among them. */
  private static final Pattern CREDENTIAL_NAME = Pattern.compile(
      "(?i).*(password|passwd|passphrase|secret|api[-_]?key|access[-_]?token|refresh[-_]?token|id[-_]?token"
          + "|authorization|credential|private[-_]?key|session[-_]?id).*");

  private Sensitivity() {}

  static boolean of(String name, Schema<?> schema, Schema<?> resolved, Warnings warnings, String pointer) {
    return CREDENTIAL_NAME.matcher(name).matches()
        || Boolean.TRUE.equals(schema.getWriteOnly()) || resolved != null && Boolean.TRUE.equals(resolved.getWriteOnly())
        || "password".equals(schema.getFormat()) || resolved != null && "password".equals(resolved.getFormat())
        || marked(schema.getExtensions(), warnings, pointer);
  }

  /** A parameter (a header, query or cookie value), by its name and its schema's format or mark. */
  static boolean ofParameter(String name, Map<String, Object> extensions, Schema<?> schema, Warnings warnings,
      String pointer) {
    return CREDENTIAL_NAME.matcher(name).matches() || name.equalsIgnoreCase("cookie")
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
