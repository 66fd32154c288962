package dev.bulwark.generator.model;

import java.util.List;

/** A JSON object with known properties, emitted as an immutable class with a builder and a JSON adapter. */
public record ObjectModel(
    String name, String description, String origin, List<PropertyModel> properties, boolean deprecated)
    implements TypeModel {
  public ObjectModel {
    properties = List.copyOf(properties);
  }
}
