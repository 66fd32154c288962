package dev.bulwark.generator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bulwark.generator.model.EnumModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.model.UnionModel;
import dev.bulwark.generator.model.TypeRef.ScalarKind;
import dev.bulwark.generator.naming.Names;
import dev.bulwark.generator.naming.UniqueNames;
import io.swagger.v3.oas.models.media.Schema;
import java.text.SimpleDateFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Converts schemas into {@link TypeRef}s, creating a {@link TypeModel} for every component or inline schema that
 * becomes a class. Inline schemas are named from their context ({@code Pet.owner} becomes {@code PetOwner}); component
 * names are claimed first so that an inline name never takes a component's.
 *
 * <p>One converter serves one spec; it collects the types it creates in the order it meets them.
 */
final class SchemaConverter {
  private static final String COMPONENTS = "/components/schemas";
  private static final int MAX_DEFAULT_LENGTH = 120;
  /** A longer title is a sentence, not a name. */
  private static final int MAX_TITLE_WORDS = 5;

  private final Map<String, Schema<?>> components;
  private final SchemaPointers pointers;
  /** References into the document being converted, to stop one that leads back to itself. */
  private final Set<String> deepRefsInProgress = new HashSet<>();
  private final UniqueNames typeNames = UniqueNames.forClasses();
  private final Map<String, String> componentClassNames = new HashMap<>();
  private final Map<String, TypeRef> componentTypes = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  private final Map<String, TypeModel> types = new LinkedHashMap<>();
  /** Inline schemas already converted, by identity: a property inherited through allOf keeps its first class. */
  private final Map<Schema<?>, TypeRef> inlineTypes = new java.util.IdentityHashMap<>();
  /** The class of each model shape met so far, components included, for inline schemas that repeat one. */
  private final Map<TypeModel, TypeRef.Named> shapes = new HashMap<>();
  private final Warnings warnings;
  /** Names decided after a first conversion, by the pointer where each class's schema is first met. */
  private final Map<String, String> sharedNames;
  /** Each inline class: where it was first met, and the name each place that uses it would give it. */
  private final Map<String, InlineUses> inlineUses = new LinkedHashMap<>();

  /** Where an inline class was first met, its schema's title, and the context name of every use. */
  private record InlineUses(String pointer, String title, Set<String> contexts) {}

  SchemaConverter(Map<String, Schema<?>> components, SchemaPointers pointers, Warnings warnings) {
    this(components, pointers, warnings, Map.of());
  }

  /**
   * A converter that names the inline classes {@code sharedNames} lists (by the pointer where each is first met) as
   * it says: the names {@link #sharedNames()} of a first conversion chose.
   */
  SchemaConverter(Map<String, Schema<?>> components, SchemaPointers pointers, Warnings warnings,
      Map<String, String> sharedNames) {
    this.components = components;
    this.pointers = pointers;
    this.warnings = warnings;
    this.sharedNames = Map.copyOf(sharedNames);
    for (Map.Entry<String, Schema<?>> entry : components.entrySet()) {
      if (becomesClass(entry.getValue())) {
        componentClassNames.put(entry.getKey(), typeNames.claim(Names.typeName(entry.getKey())));
      }
    }
  }

  /** Converts every component schema, so that unused ones are generated too. */
  void convertComponents() {
    for (String name : components.keySet()) {
      componentType(name);
    }
  }

  /** The types created so far, in a stable order. */
  List<TypeModel> types() {
    return DiscriminatorValues.fill(types.values());
  }

  /**
   * The type of {@code schema}.
   *
   * @param contextName the name an inline class gets, before sanitising, such as {@code PetOwner}
   * @param pointer where the schema is, for messages
   */
  TypeRef typeOf(Schema<?> schema, String contextName, String pointer) {
    if (schema.get$ref() != null) {
      return refType(schema.get$ref(), pointer);
    }
    if (isEnum(schema)) {
      return inlineClass(schema, contextName, pointer, name -> enumModel(name, schema, pointer));
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      if (schema.getAllOf().size() == 1 && !hasProperties(schema)) {
        return typeOf(schema.getAllOf().get(0), contextName, JsonPointer.child(pointer, "allOf") + "/0");
      }
      return inlineClass(schema, contextName, pointer, name -> objectModel(name, schema, pointer));
    }
    List<Schema> variants = variants(schema);
    Schema<?> openEnum = openEnumVariant(schema);
    if (openEnum != null) {
      return openEnum.get$ref() != null
          ? typeOf(openEnum, contextName, pointer)
          : inlineClass(schema, contextName, pointer, name -> enumModel(name, openEnum, schema, pointer));
    }
    if (!variants.isEmpty()) {
      if (variants.size() == 1) {
        return typeOf(variants.get(0), contextName, pointer);
      }
      return inlineClass(schema, contextName, pointer, name -> unionModel(name, schema, pointer));
    }
    String type = effectiveType(schema);
    if (type == null) {
      if (hasProperties(schema)) {
        return inlineClass(schema, contextName, pointer, name -> objectModel(name, schema, pointer));
      }
      return schema.getItems() != null
          ? new TypeRef.ListOf(typeOf(schema.getItems(), contextName + "Item", JsonPointer.child(pointer, "items")))
          : TypeRef.scalar(ScalarKind.ANY);
    }
    switch (type) {
      case "object":
        if (hasProperties(schema)) {
          return inlineClass(schema, contextName, pointer, name -> objectModel(name, schema, pointer));
        }
        return new TypeRef.MapOf(mapValueType(schema, contextName, pointer));
      case "array":
        Schema<?> items = schema.getItems();
        return new TypeRef.ListOf(items == null
            ? TypeRef.scalar(ScalarKind.ANY)
            : typeOf(items, contextName + "Item", JsonPointer.child(pointer, "items")));
      case "string":
        return TypeRef.scalar(stringKind(schema.getFormat()));
      case "integer":
        return TypeRef.scalar("int32".equals(schema.getFormat()) ? ScalarKind.INT32 : ScalarKind.INT64);
      case "number":
        return TypeRef.scalar(numberKind(schema.getFormat()));
      case "boolean":
        return TypeRef.scalar(ScalarKind.BOOLEAN);
      default:
        return TypeRef.scalar(ScalarKind.ANY);
    }
  }

  /** Whether the schema's value may be JSON {@code null} (3.0 {@code nullable} or 3.1 {@code type: [..., "null"]}). */
  static boolean isNullable(Schema<?> schema) {
    if (Boolean.TRUE.equals(schema.getNullable())) {
      return true;
    }
    if (schema.getTypes() != null && schema.getTypes().contains("null")) {
      return true;
    }
    List<Schema> variants = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
    return variants != null && variants.stream().anyMatch(SchemaConverter::isNullType);
  }

  private TypeRef refType(String ref, String pointer) {
    String name = componentName(ref);
    if (name != null && components.containsKey(name)) {
      return componentType(name);
    }
    // A reference into another part of the document is the schema found there, converted where it stands.
    Schema<?> target = pointers.find(ref);
    if (target == null) {
      warnings.addLoss(pointer, "cannot resolve $ref '" + ref + "': no schema is there" + suggestion(ref)
          + ". The value is read and written as untyped JSON (Object), so the client loses its type; fix the"
          + " reference, or with a spec you do not own, generation goes on (failOnWarnings makes it a failure)");
      return TypeRef.scalar(ScalarKind.ANY);
    }
    if (!deepRefsInProgress.add(ref)) {
      warnings.add(pointer, "$ref '" + ref + "' leads back to itself; read as a plain JSON value");
      return TypeRef.scalar(ScalarKind.ANY);
    }
    try {
      return typeOf(target, SchemaPointers.contextName(ref), ref.substring(1));
    } finally {
      deepRefsInProgress.remove(ref);
    }
  }

  /** {@code " (did you mean 'Money'?)"} for a component reference one slip away from an existing name, else empty. */
  private String suggestion(String ref) {
    String name = componentName(ref);
    return name == null ? "" : dev.bulwark.generator.naming.Suggestions.nearest(name, components.keySet(), 4)
        .map(best -> " (did you mean '#/components/schemas/" + best + "'?)")
        .orElse("");
  }

  /** The schema a reference leads to: a component, or any other schema in the document; null if none. */
  private Schema<?> target(String ref) {
    String name = componentName(ref);
    return name != null && components.containsKey(name) ? components.get(name) : pointers.find(ref);
  }

  private TypeRef componentType(String name) {
    TypeRef known = componentTypes.get(name);
    if (known != null) {
      return known;
    }
    Schema<?> schema = components.get(name);
    String pointer = JsonPointer.child(COMPONENTS, name);
    String className = componentClassNames.get(name);
    if (className != null) {
      // Registered before converting, so that recursive references resolve to the class itself.
      TypeRef.Named named = new TypeRef.Named(className);
      componentTypes.put(name, named);
      types.put(className, null);
      Schema<?> openEnum = openEnumVariant(schema);
      TypeModel model = isEnum(schema)
          ? enumModel(className, schema, pointer)
          : openEnum != null ? enumModel(className, openEnum, schema, pointer)
          : variants(schema).size() > 1 && (schema.getAllOf() == null || schema.getAllOf().isEmpty())
              ? unionModel(className, schema, pointer)
              : objectModel(className, schema, pointer);
      types.put(className, model);
      shapes.putIfAbsent(shape(model), named);
      return named;
    }
    if (!inProgress.add(name)) {
      warnings.add(pointer, "the schema refers to itself without an object in between; read as a plain JSON value");
      return TypeRef.scalar(ScalarKind.ANY);
    }
    TypeRef alias = typeOf(schema, name, pointer);
    inProgress.remove(name);
    componentTypes.put(name, alias);
    return alias;
  }

  /**
   * The class of an inline schema. An inline schema that is the same as one met before (same properties, types,
   * values and documentation; nested inline schemas compared the same way, as they are met first) reuses that
   * class, as OpenAPI Generator does: specs repeat response and enum schemas inline, and one class per copy would
   * give the caller several types for one thing.
   */
  private TypeRef inlineClass(Schema<?> schema, String contextName, String pointer,
      java.util.function.Function<String, TypeModel> build) {
    TypeRef known = inlineTypes.get(schema);
    if (known != null) {
      used(known, contextName);
      return known;
    }
    String wanted = sharedNames.get(pointer);
    String name = typeNames.claim(wanted != null && !typeNames.isTaken(wanted) ? wanted : Names.typeName(contextName));
    TypeRef.Named named = new TypeRef.Named(name);
    inlineTypes.put(schema, named);
    types.put(name, null);
    TypeModel model = build.apply(name);
    // The first model of a shape registers it; a later one takes the first's class unless it refers to itself.
    TypeRef.Named twin = shapes.putIfAbsent(shape(model), named);
    if (twin != null && !refersTo(model, name)) {
      types.remove(name);
      typeNames.release(name);
      inlineTypes.put(schema, twin);
      used(twin, contextName);
      return twin;
    }
    types.put(name, model);
    inlineUses.put(name, new InlineUses(pointer, text(schema.getTitle()), new LinkedHashSet<>()));
    used(named, contextName);
    return named;
  }

  private void used(TypeRef type, String contextName) {
    if (type instanceof TypeRef.Named named && inlineUses.containsKey(named.name())) {
      inlineUses.get(named.name()).contexts().add(Names.typeName(contextName));
    }
  }

  /**
   * The names inline classes used in several places should have, by the pointer where each is first met: the first
   * place's name would be borrowed by the others ({@code getBooking} returning {@code CreateBookingResponse}). A
   * class first met inside a component schema keeps its name, which comes from the schema. Otherwise the schema's
   * {@code title} names it, else what the names of its places share ({@code CreateBookingResponse} and {@code
   * GetBookingResponse} give {@code BookingResponse}); where they share too little, the first name stays.
   */
  Map<String, String> sharedNames() {
    Map<String, String> names = new LinkedHashMap<>();
    inlineUses.forEach((name, uses) -> {
      if (uses.contexts().size() < 2 || uses.pointer().startsWith(COMPONENTS + "/")) {
        return;
      }
      String shared = !uses.title().isBlank() && uses.title().split("\\s+").length <= MAX_TITLE_WORDS
          ? Names.typeName(uses.title())
          : InlineNames.common(List.copyOf(uses.contexts()));
      if (!shared.isEmpty() && !shared.equals(name)) {
        names.put(uses.pointer(), shared);
      }
    });
    return names;
  }

  /** Whether a model's properties or variants refer to the class {@code name}, as a cyclic schema's do. */
  private static boolean refersTo(TypeModel model, String name) {
    if (model instanceof ObjectModel object) {
      return object.properties().stream().anyMatch(property -> refersTo(property.type(), name));
    }
    if (model instanceof UnionModel union) {
      return union.variants().stream().anyMatch(variant -> refersTo(variant.type(), name));
    }
    return false;
  }

  private static boolean refersTo(TypeRef type, String name) {
    if (type instanceof TypeRef.Named named) {
      return named.name().equals(name);
    }
    if (type instanceof TypeRef.ListOf list) {
      return refersTo(list.element(), name);
    }
    return type instanceof TypeRef.MapOf map && refersTo(map.value(), name);
  }

  /** The model without its name and origin: what two schemas must share to be one class. */
  private static TypeModel shape(TypeModel model) {
    if (model instanceof ObjectModel object) {
      return new ObjectModel("", object.description(), "", object.properties(), object.deprecated());
    }
    if (model instanceof EnumModel enumModel) {
      return new EnumModel("", enumModel.description(), "", enumModel.integer(), enumModel.constants());
    }
    if (model instanceof UnionModel union) {
      return new UnionModel("", union.description(), "", union.variants(), union.discriminator());
    }
    return model;
  }

  private ObjectModel objectModel(String name, Schema<?> schema, String pointer) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    collectProperties(schema, properties, required, new HashSet<>());
    // Names the generated model uses for itself.
    UniqueNames propertyNames = new UniqueNames().reserve("additionalProperties", "parseProblems");
    List<PropertyModel> models = new ArrayList<>();
    for (Map.Entry<String, Schema> entry : properties.entrySet()) {
      String jsonName = entry.getKey();
      Schema<?> property = entry.getValue();
      String propertyPointer = JsonPointer.child(JsonPointer.child(pointer, "properties"), jsonName);
      TypeRef type = typeOf(property, name + Names.upperCamel(jsonName), propertyPointer);
      boolean readOnly = Boolean.TRUE.equals(resolvedFlag(property, Schema::getReadOnly));
      boolean fixable = required.contains(jsonName) && !isNullable(property) && !readOnly;
      models.add(new PropertyModel(
          jsonName,
          propertyNames.claim(Names.lowerCamel(jsonName)),
          type,
          required.contains(jsonName),
          isNullable(property),
          description(property),
          Boolean.TRUE.equals(property.getDeprecated()),
          readOnly,
          Boolean.TRUE.equals(resolvedFlag(property, Schema::getWriteOnly)),
          defaultValue(property),
          fixable ? onlyValue(property) : Optional.empty(),
          Sensitivity.of(jsonName, property, resolve(property), warnings, propertyPointer)));
    }
    return new ObjectModel(name, text(schema.getDescription()), pointer, models,
        Boolean.TRUE.equals(schema.getDeprecated()));
  }

  /**
   * The schema's {@code default} (or that of the schema its {@code $ref} leads to) as JSON text, cut to a length
   * that documentation can carry.
   */
  Optional<String> defaultValue(Schema<?> schema) {
    Object value = schema.getDefault();
    if (value == null && schema.get$ref() != null) {
      Schema<?> target = resolve(schema);
      value = target == null ? null : target.getDefault();
    }
    if (value == null) {
      Schema<?> branch = nonNullBranch(schema);
      return branch == null ? Optional.empty() : defaultValue(branch);
    }
    String json;
    if (value instanceof Number || value instanceof Boolean || value instanceof JsonNode) {
      json = value.toString();
    } else if (value instanceof OffsetDateTime dateTime) {
      json = quoted(dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } else if (value instanceof Date date) {
      // The parser reads a format: date default into a Date at local midnight.
      json = quoted(new SimpleDateFormat("yyyy-MM-dd").format(date));
    } else {
      json = quoted(value.toString());
    }
    return Optional.of(json.length() <= MAX_DEFAULT_LENGTH ? json : json.substring(0, MAX_DEFAULT_LENGTH) + "...");
  }

  /** Whether an object schema (its {@code allOf} parts and references followed) requires any property. */
  boolean requiresProperties(Schema<?> schema) {
    Set<String> required = new LinkedHashSet<>();
    collectProperties(schema, new LinkedHashMap<>(), required, new HashSet<>());
    return !required.isEmpty();
  }

  /** A property's description: its own, else that of the one inline branch of an {@code anyOf [X, null]}. */
  private static String description(Schema<?> property) {
    String own = text(property.getDescription());
    Schema<?> branch = own.isEmpty() ? nonNullBranch(property) : null;
    return branch == null ? own : text(branch.getDescription());
  }

  /**
   * The one inline, non-null branch of a {@code oneOf}/{@code anyOf} that only adds {@code null} to it ({@code
   * anyOf: [{type: string, description: ..., default: ...}, {type: 'null'}]}), where specs such as openai.yaml put a
   * property's description and default; null for any other schema, and for a {@code $ref} branch, whose component
   * documents its class.
   */
  private static Schema<?> nonNullBranch(Schema<?> schema) {
    List<Schema> all = schema.getOneOf() != null && !schema.getOneOf().isEmpty() ? schema.getOneOf()
        : schema.getAnyOf();
    if (all == null || all.size() != 2 || all.stream().noneMatch(SchemaConverter::isNullType)) {
      return null;
    }
    Schema<?> branch = all.stream().filter(v -> !isNullType(v)).findFirst().orElse(null);
    return branch == null || branch.get$ref() != null ? null : branch;
  }

  private static String quoted(String text) {
    return TextNode.valueOf(text).toString();
  }

  /** The one value a schema allows: its {@code const} or one-value enum, own or referenced. */
  Optional<String> onlyValue(Schema<?> property) {
    Schema<?> schema = property.get$ref() == null ? property : resolve(property);
    if (schema == null || !isEnum(schema)) {
      return Optional.empty();
    }
    List<String> values = enumValues(schema).stream().filter(Objects::nonNull).map(String::valueOf).distinct()
        .toList();
    return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }

  /** A flag set on the property itself, or on the schema its {@code $ref} leads to. */
  private Boolean resolvedFlag(Schema<?> property, java.util.function.Function<Schema, Boolean> flag) {
    Boolean own = flag.apply(property);
    if (own != null) {
      return own;
    }
    Schema<?> target = property.get$ref() == null ? null : resolve(property);
    return target == null ? null : flag.apply(target);
  }

  /** The schema a {@code $ref} leads to, following chains; the schema itself without one; null when unresolvable. */
  Schema<?> resolve(Schema<?> schema) {
    Schema<?> current = schema;
    for (int hops = 0; current != null && current.get$ref() != null && hops < 32; hops++) {
      current = target(current.get$ref());
    }
    return current == null || current.get$ref() != null ? null : current;
  }

  /** A schema's properties, its own, its {@code allOf} parts' and its references', with the required names. */
  record Properties(Map<String, Schema> properties, Set<String> required) {}

  Properties properties(Schema<?> schema) {
    Map<String, Schema> properties = new java.util.LinkedHashMap<>();
    Set<String> required = new java.util.LinkedHashSet<>();
    collectProperties(schema, properties, required, new java.util.HashSet<>());
    return new Properties(properties, required);
  }

  /** Gathers own and {@code allOf} properties; later definitions of a name win, as in a subtype. */
  private void collectProperties(
      Schema<?> schema, Map<String, Schema> properties, Set<String> required, Set<String> visitedRefs) {
    if (schema.get$ref() != null) {
      Schema<?> target = target(schema.get$ref());
      if (target != null && visitedRefs.add(schema.get$ref())) {
        collectProperties(target, properties, required, visitedRefs);
      }
      return;
    }
    if (schema.getAllOf() != null) {
      for (Schema part : schema.getAllOf()) {
        collectProperties(part, properties, required, visitedRefs);
      }
    }
    if (schema.getProperties() != null) {
      properties.putAll(schema.getProperties());
    }
    if (schema.getRequired() != null) {
      required.addAll(schema.getRequired());
    }
  }

  /** The enum of an {@code anyOf: [string, enum]}, described by the union where it says something. */
  private EnumModel enumModel(String name, Schema<?> enumSchema, Schema<?> union, String pointer) {
    EnumModel values = enumModel(name, enumSchema, pointer);
    String description = text(union.getDescription()).isEmpty() ? values.description() : text(union.getDescription());
    return new EnumModel(name, description, pointer, values.integer(), values.constants());
  }

  private EnumModel enumModel(String name, Schema<?> schema, String pointer) {
    boolean integer = "integer".equals(enumKind(schema));
    UniqueNames constantNames = new UniqueNames().reserve("VALUES", "BY_VALUE");
    Set<String> seen = new LinkedHashSet<>();
    List<EnumModel.EnumConstant> constants = new ArrayList<>();
    for (Object value : enumValues(schema)) {
      if (value == null || !seen.add(String.valueOf(value))) {
        continue;
      }
      String text = String.valueOf(value);
      String javaName = integer ? "VALUE_" + text.replace('-', 'M') : Names.upperSnake(text);
      constants.add(new EnumModel.EnumConstant(constantNames.claim(javaName), text));
    }
    return new EnumModel(name, text(schema.getDescription()), pointer, integer, constants);
  }

  private TypeRef mapValueType(Schema<?> schema, String contextName, String pointer) {
    Object additional = schema.getAdditionalProperties();
    if (additional instanceof Schema<?> valueSchema) {
      return typeOf(valueSchema, contextName + "Value", JsonPointer.child(pointer, "additionalProperties"));
    }
    return TypeRef.scalar(ScalarKind.ANY);
  }

  private boolean becomesClass(Schema<?> schema) {
    if (schema.get$ref() != null) {
      return false;
    }
    if (isEnum(schema)) {
      return true;
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      return schema.getAllOf().size() > 1 || hasProperties(schema);
    }
    Schema<?> openEnum = openEnumVariant(schema);
    if (openEnum != null) {
      return openEnum.get$ref() == null;
    }
    if (!variants(schema).isEmpty()) {
      return variants(schema).size() > 1;
    }
    String type = effectiveType(schema);
    return (type == null || type.equals("object")) && hasProperties(schema);
  }

  /** The non-null variants of a {@code oneOf} (or else {@code anyOf}); empty when the schema has neither. */
  private static List<Schema> variants(Schema<?> schema) {
    List<Schema> variants = schema.getOneOf() != null && !schema.getOneOf().isEmpty()
        ? schema.getOneOf()
        : schema.getAnyOf();
    return variants == null ? List.of() : variants.stream().filter(v -> !isNullType(v)).toList();
  }

  private UnionModel unionModel(String name, Schema<?> schema, String pointer) {
    String keyword = schema.getOneOf() != null && !schema.getOneOf().isEmpty() ? "oneOf" : "anyOf";
    io.swagger.v3.oas.models.media.Discriminator discriminator = schema.getDiscriminator();
    // A nested class may not share its union's name.
    UniqueNames variantNames = new UniqueNames().reserve("Unknown", "Json", "Visitor", name);
    List<UnionModel.Variant> models = new ArrayList<>();
    List<String> renamed = new ArrayList<>();
    List<Schema> variants = variants(schema);
    Optional<String> implicitTag = discriminator == null ? implicitTag(variants) : Optional.empty();
    for (int i = 0; i < variants.size(); i++) {
      Schema<?> variant = variants.get(i);
      String label = variantLabel(variant, discriminator, implicitTag);
      TypeRef type = typeOf(variant, name + (label != null ? label : "Variant" + (i + 1)),
          JsonPointer.child(pointer, keyword) + "/" + i);
      String javaName = variantNames.claim(!(type instanceof TypeRef.Named named) ? "Of" + simpleName(type)
          : label != null ? label
          : variant.get$ref() != null ? named.name()
          : "Variant" + (i + 1));
      if (discriminator == null || discriminator.getPropertyName() == null) {
        models.add(new UnionModel.Variant(javaName, type));
        continue;
      }
      UnionModel.Variant tagged = taggedVariant(javaName, type, variant, discriminator);
      String component = variant.get$ref() == null ? null : componentName(variant.get$ref());
      if (tagged.tagSource() == UnionModel.TagSource.FIXED_VALUE && component != null
          && !tagged.discriminatorValues().contains(component)) {
        renamed.add(component + " -> '" + tagged.discriminatorValues().get(0) + "'");
      }
      models.add(tagged);
    }
    if (!renamed.isEmpty()) {
      warnings.add(pointer, "the discriminator '" + discriminator.getPropertyName() + "' has no mapping for "
          + renamed.size() + " variant(s) whose own '" + discriminator.getPropertyName()
          + "' fixes another value than the component name (" + String.join(", ", renamed.subList(0,
              Math.min(3, renamed.size()))) + (renamed.size() > 3 ? ", ..." : "")
          + "); they are read by the fixed values, as servers send them. Add a mapping to say so explicitly");
    }
    return new UnionModel(name, text(schema.getDescription()), pointer, models,
        Optional.ofNullable(discriminator).map(io.swagger.v3.oas.models.media.Discriminator::getPropertyName));
  }

  /**
   * The property that tags a union's variants though no discriminator says so: one that every variant fixes to a
   * value of its own ({@code event: thread.run.created}, {@code event: thread.run.queued}), as event unions do.
   */
  private Optional<String> implicitTag(List<Schema> variants) {
    if (variants.size() < 2) {
      return Optional.empty();
    }
    List<Map<String, Schema>> variantProperties = variants.stream().map(v -> properties(v).properties()).toList();
    for (String candidate : variantProperties.get(0).keySet()) {
      Set<String> values = new HashSet<>();
      if (variantProperties.stream().allMatch(p -> fixedValue(p, candidate).filter(values::add).isPresent())) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The value an object variant fixes for one of its properties, if it fixes one. */
  private Optional<String> fixedValueOf(Schema<?> variant, String property) {
    return fixedValue(properties(variant).properties(), property);
  }

  private Optional<String> fixedValue(Map<String, Schema> properties, String property) {
    Schema<?> schema = properties.get(property);
    return schema == null ? Optional.empty() : onlyValue(schema);
  }

  /**
   * What a union variant is called, as the spec says it: its title (its own, or its component's), else the
   * discriminator value it fixes for itself ({@code "charge.succeeded"} gives {@code ChargeSucceeded}; a value from the
   * mapping does not name it, its component does); {@code null} when the
   * spec says neither, and the variant is named after its component or its place.
   */
  private String variantLabel(Schema<?> variant, io.swagger.v3.oas.models.media.Discriminator discriminator,
      Optional<String> implicitTag) {
    Schema<?> resolved = resolve(variant);
    String title = text(variant.getTitle());
    if (title.isEmpty() && resolved != null) {
      title = text(resolved.getTitle());
    }
    if (!title.isEmpty()) {
      return Names.typeName(title);
    }
    if (discriminator == null || discriminator.getPropertyName() == null) {
      if (implicitTag.isPresent()) {
        return fixedValueOf(variant, implicitTag.get()).map(Names::typeName).orElse(null);
      }
      // A variant that is one value ("auto" beside an object) is named by it.
      return variant.get$ref() == null && resolved != null && effectiveType(resolved) != null
          && !"object".equals(effectiveType(resolved)) ? onlyValue(resolved).map(Names::typeName).orElse(null) : null;
    }
    UnionModel.Variant tagged = taggedVariant("", TypeRef.scalar(ScalarKind.ANY), variant, discriminator);
    return tagged.tagSource() == UnionModel.TagSource.FIXED_VALUE
        ? Names.typeName(tagged.discriminatorValues().get(0)) : null;
  }

  /**
   * A variant of a discriminated union with the tag values that select it: the discriminator's {@code mapping}
   * first, else the variant's own fixed value of the discriminator property (what real servers send), else OpenAPI's
   * implicit mapping, the component name.
   */
  private UnionModel.Variant taggedVariant(String javaName, TypeRef type, Schema<?> variant,
      io.swagger.v3.oas.models.media.Discriminator discriminator) {
    List<String> mapped = new ArrayList<>();
    String ref = variant.get$ref();
    if (ref != null && discriminator.getMapping() != null) {
      discriminator.getMapping().forEach((value, target) -> {
        if (target.equals(ref) || target.equals(componentName(ref))) {
          mapped.add(value);
        }
      });
    }
    if (!mapped.isEmpty()) {
      return new UnionModel.Variant(javaName, type, mapped, UnionModel.TagSource.MAPPING);
    }
    Schema<?> resolved = resolve(variant);
    Schema<?> tagProperty = resolved == null ? null
        : properties(resolved).properties().get(discriminator.getPropertyName());
    Optional<String> fixed = tagProperty == null ? Optional.empty() : onlyValue(tagProperty);
    if (fixed.isPresent()) {
      return new UnionModel.Variant(javaName, type, List.of(fixed.get()), UnionModel.TagSource.FIXED_VALUE);
    }
    String component = ref == null ? null : componentName(ref);
    return component == null
        ? new UnionModel.Variant(javaName, type)
        : new UnionModel.Variant(javaName, type, List.of(component), UnionModel.TagSource.COMPONENT_NAME);
  }

  /**
   * The enum of {@code anyOf: [string, enum]}, an extensible enum spelled as a union (any string, these ones
   * named); null for any other schema. Bulwark's enums are open already, so the enum is the whole type.
   */
  private Schema<?> openEnumVariant(Schema<?> schema) {
    List<Schema> variants = variants(schema);
    if (variants.size() != 2 || schema.getDiscriminator() != null) {
      return null;
    }
    for (int i = 0; i < 2; i++) {
      Schema<?> plain = variants.get(i);
      Schema<?> candidate = variants.get(1 - i);
      Schema<?> enumSchema = resolve(candidate);
      if (plain.get$ref() == null && "string".equals(effectiveType(plain)) && plain.getFormat() == null
          && !isEnum(plain) && enumSchema != null && isEnum(enumSchema) && "string".equals(enumKind(enumSchema))) {
        return candidate;
      }
    }
    return null;
  }

  /** A short readable name of a type, for a union variant: {@code Dog}, {@code String}, {@code List}. */
  private static String simpleName(TypeRef type) {
    if (type instanceof TypeRef.Named named) {
      return named.name();
    }
    if (type instanceof TypeRef.ListOf) {
      return "List";
    }
    if (type instanceof TypeRef.MapOf) {
      return "Map";
    }
    return switch (((TypeRef.Scalar) type).kind()) {
      // As a Java reader knows them: Content.ofLong(7), not ofInt64.
      case INT32 -> "Integer";
      case INT64 -> "Long";
      default -> Names.upperCamel(((TypeRef.Scalar) type).kind().name());
    };
  }

  private static boolean isEnum(Schema<?> schema) {
    return !enumValues(schema).isEmpty() && enumKind(schema) != null;
  }

  /** An {@code enum}'s values; a 3.1 {@code const} is an enum of one value. */
  private static List<?> enumValues(Schema<?> schema) {
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return schema.getEnum();
    }
    return schema.getConst() == null ? List.of() : List.of(schema.getConst());
  }

  /** "string" or "integer" for the enums Bulwark emits as Java enums; null for others (boolean, number). */
  private static String enumKind(Schema<?> schema) {
    String type = effectiveType(schema);
    List<?> values = enumValues(schema);
    boolean allIntegers = values.stream()
        .allMatch(v -> v == null || v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger);
    boolean allStrings = values.stream().allMatch(v -> v == null || v instanceof String);
    if ("integer".equals(type) && allIntegers) {
      return "integer";
    }
    if ((type == null || "string".equals(type)) && allStrings) {
      return "string";
    }
    return null;
  }

  private static boolean hasProperties(Schema<?> schema) {
    return schema.getProperties() != null && !schema.getProperties().isEmpty();
  }

  /** The one non-null type of a schema, reading 3.1 type arrays; null when absent or ambiguous. */
  static String effectiveType(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() != null) {
      List<String> nonNull = schema.getTypes().stream().filter(t -> !t.equals("null")).toList();
      return nonNull.size() == 1 ? nonNull.get(0) : null;
    }
    return null;
  }

  private static boolean isNullType(Schema<?> schema) {
    return "null".equals(schema.getType())
        || (schema.getTypes() != null && schema.getTypes().size() == 1 && schema.getTypes().contains("null"));
  }

  private static ScalarKind stringKind(String format) {
    if (format == null) {
      return ScalarKind.STRING;
    }
    switch (format) {
      case "date":
        return ScalarKind.DATE;
      case "date-time":
        return ScalarKind.DATE_TIME;
      case "uuid":
        return ScalarKind.UUID;
      case "uri":
        return ScalarKind.URI;
      case "decimal":
        return ScalarKind.DECIMAL;
      default:
        return ScalarKind.STRING;
    }
  }

  private static ScalarKind numberKind(String format) {
    if ("float".equals(format)) {
      return ScalarKind.FLOAT;
    }
    if ("decimal".equals(format)) {
      return ScalarKind.DECIMAL;
    }
    return ScalarKind.DOUBLE;
  }

  private static String componentName(String ref) {
    String prefix = "#/components/schemas/";
    return ref.startsWith(prefix) ? ref.substring(prefix.length()) : null;
  }

  static String text(String value) {
    return Objects.requireNonNullElse(value, "").strip();
  }
}
