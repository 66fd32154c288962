package dev.bulwark.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.bulwark.generator.model.EnumModel;
import dev.bulwark.generator.model.TypeRef;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How the model's {@link TypeRef}s are spelled in Java. */
final class JavaTypes {
  private final EmitContext context;
  private final java.util.Map<String, dev.bulwark.generator.model.TypeModel> models;

  JavaTypes(EmitContext context, java.util.List<dev.bulwark.generator.model.TypeModel> models) {
    this.context = context;
    this.models = new java.util.HashMap<>();
    models.forEach(model -> this.models.put(model.name(), model));
  }

  /** The JSON kind a value of this type is written as, for lenient reading. */
  String valueKind(TypeRef type) {
    if (type instanceof TypeRef.Scalar scalar) {
      switch (scalar.kind()) {
        case INT32:
        case INT64:
        case FLOAT:
        case DOUBLE:
        case DECIMAL:
          return "NUMBER";
        case BOOLEAN:
          return "BOOLEAN";
        case ANY:
          return "ANY";
        case STRING:
          return "TEXT";
        default:
          return "STRING";
      }
    }
    if (type instanceof TypeRef.ListOf) {
      return "ARRAY";
    }
    if (type instanceof TypeRef.MapOf) {
      return "OBJECT";
    }
    dev.bulwark.generator.model.TypeModel model = models.get(((TypeRef.Named) type).name());
    if (model instanceof EnumModel enumModel) {
      return enumModel.integer() ? "NUMBER" : "STRING";
    }
    if (model instanceof dev.bulwark.generator.model.UnionModel) {
      return "ANY";
    }
    return "OBJECT";
  }

  /** The reference type: {@code Long}, {@code List<Pet>}. */
  TypeName boxed(TypeRef type) {
    if (type instanceof TypeRef.Scalar scalar) {
      switch (scalar.kind()) {
        case STRING:
          return ClassName.get(String.class);
        case INT32:
          return ClassName.get(Integer.class);
        case INT64:
          return ClassName.get(Long.class);
        case FLOAT:
          return ClassName.get(Float.class);
        case DOUBLE:
          return ClassName.get(Double.class);
        case DECIMAL:
          return ClassName.get(BigDecimal.class);
        case BOOLEAN:
          return ClassName.get(Boolean.class);
        case DATE:
          return ClassName.get(LocalDate.class);
        case DATE_TIME:
          return ClassName.get(OffsetDateTime.class);
        case UUID:
          return ClassName.get(UUID.class);
        case URI:
          return ClassName.get(URI.class);
        case ANY:
          return ClassName.get(Object.class);
        case BYTES:
          return com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE);
        case FILE:
          return ClassName.get(EmitContext.RUNTIME, "BinaryBody");
        default:
          throw new AssertionError(scalar.kind());
      }
    }
    if (type instanceof TypeRef.ListOf list) {
      return ParameterizedTypeName.get(ClassName.get(List.class), boxed(list.element()));
    }
    if (type instanceof TypeRef.MapOf map) {
      return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), boxed(map.value()));
    }
    return context.modelClass(((TypeRef.Named) type).name());
  }

  /** The type a value that is always present has: primitives where they exist ({@code long}), else as boxed. */
  TypeName present(TypeRef type) {
    TypeName boxed = boxed(type);
    return boxed.isBoxedPrimitive() ? boxed.unbox() : boxed;
  }

  /** {@link #present} when the value is always there, else the boxed type marked {@code @Nullable}. */
  TypeName forValue(TypeRef type, boolean alwaysPresent) {
    return alwaysPresent ? present(type) : nullable(boxed(type));
  }

  static TypeName nullable(TypeName type) {
    return type.annotated(AnnotationSpec.builder(EmitContext.NULLABLE).build());
  }

  /**
   * The Java expression for a value given on the wire as text: a string literal, or the constant of an enum; empty
   * for other types.
   */
  Optional<CodeBlock> literal(TypeRef type, String value) {
    if (type instanceof TypeRef.Scalar scalar && scalar.kind() == TypeRef.ScalarKind.STRING) {
      return Optional.of(CodeBlock.of("$S", value));
    }
    if (type instanceof TypeRef.Named named && models.get(named.name()) instanceof EnumModel enumModel) {
      return enumModel.constants().stream()
          .filter(constant -> constant.value().equals(value))
          .findFirst()
          .map(constant -> CodeBlock.of("$T.$N", context.modelClass(enumModel.name()), constant.javaName()));
    }
    return Optional.empty();
  }

  /** The sentence that documents a value {@code builder()} starts with, the value as its JSON. */
  String initialValueDoc(TypeRef type, String value) {
    String json = valueKind(type).equals("NUMBER")
        ? value
        : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return "{@code builder()} sets it to " + context.docs().code(json) + ".";
  }

  /** An expression of type {@link java.lang.reflect.Type} for Moshi: {@code Pet.class} or a parameterized type. */
  CodeBlock reflectType(TypeRef type) {
    if (type instanceof TypeRef.ListOf list) {
      return CodeBlock.of("$T.newParameterizedType($T.class, $L)",
          EmitContext.MOSHI_TYPES, List.class, reflectType(list.element()));
    }
    if (type instanceof TypeRef.MapOf map) {
      return CodeBlock.of("$T.newParameterizedType($T.class, $T.class, $L)",
          EmitContext.MOSHI_TYPES, Map.class, String.class, reflectType(map.value()));
    }
    return CodeBlock.of("$T.class", boxed(type));
  }

  /**
   * The setter overloads a value of this type gets, one per variant when it is a union: each variant whose Java
   * type erases to one no other variant shares (so that the overloads stay distinct), untyped JSON excepted.
   */
  List<ValueClassEmitter.VariantSetter> variantSetters(TypeRef type) {
    if (!(type instanceof TypeRef.Named named)
        || !(models.get(named.name()) instanceof dev.bulwark.generator.model.UnionModel union)) {
      return List.of();
    }
    Map<TypeName, Integer> erasures = new java.util.HashMap<>();
    union.variants().forEach(variant -> erasures.merge(erasure(boxed(variant.type())), 1, Integer::sum));
    List<ValueClassEmitter.VariantSetter> setters = new java.util.ArrayList<>();
    for (dev.bulwark.generator.model.UnionModel.Variant variant : union.variants()) {
      TypeName variantType = boxed(variant.type());
      if (!variantType.equals(ClassName.OBJECT) && erasures.get(erasure(variantType)) == 1) {
        setters.add(new ValueClassEmitter.VariantSetter(variantType, context.modelClass(union.name()),
            UnionEmitter.factoryName(variant)));
      }
    }
    return List.copyOf(setters);
  }

  private static TypeName erasure(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized ? parameterized.rawType() : type;
  }

  /** Whether Moshi needs a parameterized {@code Type} (rather than a class literal) for this type. */
  static boolean isParameterized(TypeRef type) {
    return type instanceof TypeRef.ListOf || type instanceof TypeRef.MapOf;
  }
}
