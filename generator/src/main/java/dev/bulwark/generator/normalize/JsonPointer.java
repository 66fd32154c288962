package dev.bulwark.generator.normalize;

/** Builds RFC 6901 JSON pointers into the spec, for messages that tell the user where to look. */
final class JsonPointer {
  private JsonPointer() {}

  /** {@code child("/paths", "/pets/{id}")} is {@code /paths/~1pets~1{id}}. */
  static String child(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }
}
