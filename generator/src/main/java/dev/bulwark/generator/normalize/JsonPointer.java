package dev.bulwark.generator.normalize;

/** Builds RFC 6901 JSON pointers into the spec, for messages that tell the user where to look. */
final class JsonPointer {
  private JsonPointer() {}

  /** {@code child("/paths", "/pets/{id}")} is {@code /paths/~1pets~1{id}}. */
  static String child(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** Where the schema of one media type of a body sits: {@code <parent>/content/<media type>/schema}. */
  static String mediaSchema(String parent, String mediaType) {
    return child(child(child(parent, "content"), mediaType), "schema");
  }
}
