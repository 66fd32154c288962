package dev.bulwark.generator.model;

/**
 * The request body of an operation.
 *
 * @param javaName the Java name of the body in the operation's parameters, unique among them
 * @param kind how the body is written: {@code JSON}, {@code FORM} (url-encoded fields), {@code TEXT} or
 *     {@code BINARY}
 * @param mediaType the media type the spec gives for it
 */
public record BodyModel(
    String javaName, TypeRef type, boolean required, String description, String kind, String mediaType) {}
