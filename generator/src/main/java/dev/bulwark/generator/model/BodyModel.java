package dev.bulwark.generator.model;

import java.util.List;

/**
 * The request body of an operation.
 *
 * @param javaName the Java name of the body in the operation's parameters, unique among them
 * @param kind how the body is written: {@code JSON}, {@code FORM} (url-encoded fields), {@code TEXT} or
 *     {@code BINARY} or {@code MULTIPART}
 * @param mediaType the media type the spec gives for it
 * @param parts the parts of a {@code MULTIPART} body, each a parameter of its own; empty for other kinds
 */
public record BodyModel(
    String javaName, TypeRef type, boolean required, String description, String kind, String mediaType,
    List<Part> parts) {

  public BodyModel {
    parts = List.copyOf(parts);
  }

  /** A body of a kind without parts. */
  public BodyModel(String javaName, TypeRef type, boolean required, String description, String kind,
      String mediaType) {
    this(javaName, type, required, description, kind, mediaType, List.of());
  }

  /**
   * One part of a {@code multipart/form-data} body: a property of its schema.
   *
   * @param name the part name on the wire
   * @param javaName its name among the operation's parameters
   * @param type {@code FILE} (or a list of it) for binary parts
   */
  public record Part(String name, String javaName, TypeRef type, boolean required, String description) {}
}
