package dev.bulwark.generator.model;

/**
 * The JSON request body of an operation.
 *
 * @param javaName the Java name of the body in the operation's parameters, unique among them
 */
public record BodyModel(String javaName, TypeRef type, boolean required, String description) {}
