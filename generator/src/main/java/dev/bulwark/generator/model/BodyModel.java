package dev.bulwark.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * The request body of an operation.
 *
 * @param javaName the Java name of the body in the operation's parameters, unique among them
 * @param kind how the body is written: {@code JSON}, {@code FORM} (url-encoded fields), {@code TEXT} or
 *     {@code BINARY} or {@code MULTIPART}
 * @param mediaType the media type the spec gives for it, the one sent
 * @param parts the parts of a {@code MULTIPART} body, each a parameter of its own; empty for other kinds
 * @param otherMediaTypes the spec's other media types that the same body can be sent as: for a {@code JSON} body,
 *     its other JSON types (a PATCH taking {@code application/merge-patch+json} and
 *     {@code application/strategic-merge-patch+json}); the caller picks one with a {@code Content-Type} header
 * @param fieldEncodings for a {@code FORM} body, the spec's {@code encoding} entries of its properties
 * @param omittable whether the spec says the operation may go without its body: {@code required: false} stated,
 *     and no property the body requires; an optional body the spec says less about is one it only forgot to
 *     require, so the client offers no form that sends nothing
 */
public record BodyModel(
    String javaName, TypeRef type, boolean required, String description, String kind, String mediaType,
    List<Part> parts, List<String> otherMediaTypes, List<FieldEncoding> fieldEncodings, boolean omittable) {

  public BodyModel {
    parts = List.copyOf(parts);
    otherMediaTypes = List.copyOf(otherMediaTypes);
    fieldEncodings = List.copyOf(fieldEncodings);
  }

  /** A body that may not be omitted unless {@link #withOmittable} says so. */
  public BodyModel(String javaName, TypeRef type, boolean required, String description, String kind,
      String mediaType, List<Part> parts, List<String> otherMediaTypes, List<FieldEncoding> fieldEncodings) {
    this(javaName, type, required, description, kind, mediaType, parts, otherMediaTypes, fieldEncodings, false);
  }

  /** A body without field encodings. */
  public BodyModel(String javaName, TypeRef type, boolean required, String description, String kind,
      String mediaType, List<Part> parts, List<String> otherMediaTypes) {
    this(javaName, type, required, description, kind, mediaType, parts, otherMediaTypes, List.of());
  }

  /** This body, omittable or not. */
  public BodyModel withOmittable(boolean value) {
    return new BodyModel(javaName, type, required, description, kind, mediaType, parts, otherMediaTypes,
        fieldEncodings, value);
  }

  /** A body of a kind without parts, of one media type. */
  public BodyModel(String javaName, TypeRef type, boolean required, String description, String kind,
      String mediaType) {
    this(javaName, type, required, description, kind, mediaType, List.of(), List.of());
  }

  /** Whether a media type is {@code application/json} itself, with parameters or without, not another JSON type. */
  public static boolean isPlainJson(String mediaType) {
    String type = mediaType.toLowerCase(java.util.Locale.ROOT);
    return type.equals("application/json") || type.startsWith("application/json;");
  }

  /**
   * How one property of a form body is written: its entry in the media type's {@code encoding} object.
   *
   * @param property the property's name on the wire
   * @param style the entry's style; empty when it names none, and the convention of form APIs applies
   * @param explode the entry's {@code explode}, with OpenAPI's default for the style
   * @param contentType the entry's {@code contentType}; a JSON type sends the property as JSON text
   */
  public record FieldEncoding(String property, Optional<FieldStyle> style, boolean explode,
      Optional<String> contentType) {}

  /** The styles a form field can be written in. */
  public enum FieldStyle {
    FORM,
    SPACE_DELIMITED,
    PIPE_DELIMITED,
    DEEP_OBJECT
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
