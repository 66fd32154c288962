package dev.bulwark.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * A {@code oneOf} or {@code anyOf} of several types, emitted as a sealed interface with one record per variant and an
 * {@code Unknown} record that keeps JSON matching none of them.
 *
 * @param discriminator the property whose value names the variant, when the spec declares one
 */
public record UnionModel(
    String name, String description, String origin, List<Variant> variants, Optional<String> discriminator)
    implements TypeModel {

  public UnionModel {
    variants = List.copyOf(variants);
  }

  /**
   * One variant.
   *
   * @param javaName the record's simple name, unique within the union
   * @param discriminatorValues the discriminator values that select this variant
   */
  public record Variant(String javaName, TypeRef type, List<String> discriminatorValues) {
    public Variant {
      discriminatorValues = List.copyOf(discriminatorValues);
    }
  }
}
