package dev.bulwark.generator.model;

/** A type the generator emits into the model package. */
public sealed interface TypeModel permits ObjectModel, EnumModel, UnionModel {
  /** The simple Java class name, unique in the model package. */
  String name();

  /** The spec's description, or empty. */
  String description();

  /** Where the type comes from, as a JSON pointer into the spec, for messages and Javadoc. */
  String origin();
}
