package dev.bulwark.generator.normalize;

import dev.bulwark.generator.model.EnumModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.model.UnionModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives a union variant's discriminator property the value that selects the variant, as its fixed value: building a
 * {@code Card} for a {@code PaymentMethod} then needs no {@code type("card")}, and cannot get it wrong. Only where the
 * value is beyond doubt: every union that has the model as a variant maps it to the same one value, and the property
 * is required, not nullable, not read-only, without a fixed value of its own, and of a type that holds the value.
 */
final class DiscriminatorValues {
  private DiscriminatorValues() {}

  /** The models, in their order, with the variants' discriminator properties fixed. */
  static List<TypeModel> fill(Collection<TypeModel> models) {
    Map<String, Map<String, Set<String>>> valuesByModel = new HashMap<>();
    Map<String, TypeModel> byName = new HashMap<>();
    for (TypeModel model : models) {
      byName.put(model.name(), model);
      if (model instanceof UnionModel union && union.discriminator().isPresent()) {
        for (UnionModel.Variant variant : union.variants()) {
          if (variant.type() instanceof TypeRef.Named named && !variant.discriminatorValues().isEmpty()) {
            valuesByModel.computeIfAbsent(named.name(), name -> new HashMap<>())
                .computeIfAbsent(union.discriminator().get(), property -> new LinkedHashSet<>())
                .addAll(variant.discriminatorValues());
          }
        }
      }
    }
    List<TypeModel> filled = new ArrayList<>(models.size());
    for (TypeModel model : models) {
      Map<String, Set<String>> values = valuesByModel.get(model.name());
      filled.add(model instanceof ObjectModel object && values != null ? fill(object, values, byName) : model);
    }
    return List.copyOf(filled);
  }

  private static ObjectModel fill(ObjectModel model, Map<String, Set<String>> values, Map<String, TypeModel> byName) {
    List<PropertyModel> properties = new ArrayList<>();
    for (PropertyModel property : model.properties()) {
      Set<String> candidates = values.getOrDefault(property.jsonName(), Set.of());
      boolean fixable = candidates.size() == 1 && property.required() && !property.nullable() && !property.readOnly()
          && property.fixedValue().isEmpty();
      String value = candidates.isEmpty() ? "" : candidates.iterator().next();
      properties.add(fixable && holds(property.type(), value, byName)
          ? property.withFixedValue(Optional.of(value))
          : property);
    }
    return new ObjectModel(model.name(), model.description(), model.origin(), properties, model.deprecated());
  }

  /** Whether a value of this type can be {@code value}: a string, or an enum with that constant. */
  private static boolean holds(TypeRef type, String value, Map<String, TypeModel> byName) {
    if (type instanceof TypeRef.Scalar scalar) {
      return scalar.kind() == TypeRef.ScalarKind.STRING;
    }
    return type instanceof TypeRef.Named named && byName.get(named.name()) instanceof EnumModel enumModel
        && enumModel.constants().stream().anyMatch(constant -> constant.value().equals(value));
  }
}
