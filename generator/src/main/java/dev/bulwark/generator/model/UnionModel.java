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
   * @param javaName the record's simple name, unique within the union: the variant's title, else the discriminator
   *     value it fixes, else its component's name ({@code PaymentMethod.Card}); {@code OfString}, {@code OfList} for
   *     plain types; {@code Variant2} only where the spec gives nothing
   * @param discriminatorValues the discriminator values that select this variant
   * @param tagSource where those values come from
   */
  public record Variant(String javaName, TypeRef type, List<String> discriminatorValues, TagSource tagSource) {
    public Variant {
      discriminatorValues = List.copyOf(discriminatorValues);
    }

    /** A variant that no discriminator value selects. */
    public Variant(String javaName, TypeRef type) {
      this(javaName, type, List.of(), TagSource.NONE);
    }

    /**
     * The name the variant goes by in factories and accessors: its record's name, {@code String} for
     * {@code OfString} (a plain type's record is {@code Of}-prefixed, lest it shadow {@code java.lang.String}).
     */
    public String label() {
      return !(type instanceof TypeRef.Named) && javaName.startsWith("Of") && javaName.length() > 2
          ? javaName.substring(2) : javaName;
    }
  }

  /**
   * Where a variant's discriminator values come from. Values the spec states ({@link #MAPPING}, {@link #FIXED_VALUE})
   * are what servers send; {@link #COMPONENT_NAME} is OpenAPI's implicit mapping, which real servers often do not
   * follow, so a tag matching no value is still matched by shape against such variants.
   */
  public enum TagSource {
    /** The discriminator's {@code mapping}. */
    MAPPING,
    /** The variant's own {@code const} or one-value {@code enum} on the discriminator property. */
    FIXED_VALUE,
    /** The variant's component name, OpenAPI's implicit mapping. */
    COMPONENT_NAME,
    /** No value: the union has no discriminator, or the variant is inline and fixes none. */
    NONE
  }
}
