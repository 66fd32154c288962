package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.naming.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Emits an immutable value class with a builder: private final fields, JavaBean getters, {@code builder()},
 * {@code toBuilder()}, {@code equals}, {@code hashCode} and {@code toString}. Models and operation parameter classes
 * share this shape; models add what tolerant reading needs (see {@link #emitModel}).
 */
final class ValueClassEmitter {
  private static final TypeName ADDITIONAL = ParameterizedTypeName.get(
      ClassName.get(Map.class), ClassName.get(String.class), JavaTypes.nullable(ClassName.OBJECT));
  private static final TypeName STRINGS = ParameterizedTypeName.get(List.class, String.class);
  private static final ClassName VALIDATABLE = ClassName.get(EmitContext.RUNTIME + ".json", "Validatable");

  /**
   * One field of a value class.
   *
   * @param name the Java name of the field and of its builder setter
   * @param type the getter's type: primitive or non-null when always present, {@code @Nullable} otherwise
   * @param storedType the field's type; for model properties always a {@code @Nullable} reference, since a lenient
   *     read may find a required property missing
   * @param builderType the builder's field type, always a {@code @Nullable} reference type
   * @param jsonName the name on the wire, for models; empty for parameters
   * @param tracksPresence whether the class records that the value was set even to {@code null}: for properties
   *     that are nullable and optional, where absent and {@code null} mean different things
   * @param nested whether the value may hold models, whose problems {@code validationProblems} collects
   * @param javadoc text for the getter and the setter
   */
  record ValueField(
      String name, TypeName type, TypeName storedType, TypeName builderType, boolean required, String jsonName,
      boolean tracksPresence, boolean nested, String javadoc, boolean deprecated, boolean requiredToBuild) {

    /** A field that {@code build()} requires exactly when reading requires it. */
    ValueField(String name, TypeName type, TypeName storedType, TypeName builderType, boolean required,
        String jsonName, boolean tracksPresence, boolean nested, String javadoc, boolean deprecated) {
      this(name, type, storedType, builderType, required, jsonName, tracksPresence, nested, javadoc, deprecated,
          required);
    }

    String getterName() {
      return "get" + Names.capitalize(name);
    }

    String presenceName() {
      return name + "Present";
    }
  }

  /** A parameters class: fails in {@code build()} when a required value is missing. */
  TypeSpec emit(ClassName className, String javadoc, boolean deprecated, List<ValueField> fields) {
    return emit(className, javadoc, deprecated, fields, false);
  }

  /**
   * A model: as a parameters class, plus unknown JSON properties kept in {@code getAdditionalProperties()},
   * presence tracking, a lenient build for the JSON adapter, and {@code validationProblems}/{@code validate()}.
   */
  TypeSpec emitModel(ClassName className, String javadoc, boolean deprecated, List<ValueField> fields) {
    return emit(className, javadoc, deprecated, fields, true);
  }

  private TypeSpec emit(ClassName className, String javadoc, boolean deprecated, List<ValueField> fields,
      boolean model) {
    ClassName builderName = className.nestedClass("Builder");
    TypeSpec.Builder type = TypeSpec.classBuilder(className)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(EmitContext.nullMarked());
    if (!javadoc.isEmpty()) {
      type.addJavadoc("$L\n", EmitContext.javadoc(javadoc));
    }
    if (deprecated) {
      type.addAnnotation(Deprecated.class);
    }
    if (model) {
      type.addSuperinterface(VALIDATABLE);
    }

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builderName, "builder");
    for (ValueField field : fields) {
      type.addField(FieldSpec.builder(field.storedType(), field.name(), Modifier.PRIVATE, Modifier.FINAL).build());
      constructor.addStatement("this.$N = $L", field.name(), copyFromBuilder(field));
      if (field.tracksPresence()) {
        type.addField(TypeName.BOOLEAN, field.presenceName(), Modifier.PRIVATE, Modifier.FINAL);
        constructor.addStatement("this.$N = builder.$N", field.presenceName(), field.presenceName());
      }
    }
    if (model) {
      type.addField(ADDITIONAL, "additionalProperties", Modifier.PRIVATE, Modifier.FINAL);
      type.addField(FieldSpec.builder(STRINGS, "parseProblems", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("What a lenient read could not take in, relative to this object; not part of its value.\n")
          .build());
      constructor.addStatement("this.additionalProperties = $T.unmodifiableMap(new $T<>(builder.additionalProperties))",
          Collections.class, LinkedHashMap.class);
      constructor.addStatement("this.parseProblems = builder.parseProblems");
    }
    type.addMethod(constructor.build());

    type.addMethod(MethodSpec.methodBuilder("builder")
        .addJavadoc("Starts building a {@code $L}.\n", className.simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builderName)
        .addStatement("return new $T()", builderName)
        .build());
    type.addMethod(MethodSpec.methodBuilder("toBuilder")
        .addJavadoc("A builder holding this object's values, to build a changed copy.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(builderName)
        .addStatement("return new $T(this)", builderName)
        .build());

    for (ValueField field : fields) {
      type.addMethod(getter(className, field, model));
      if (field.tracksPresence()) {
        type.addMethod(MethodSpec.methodBuilder("has" + Names.capitalize(field.name()))
            .addJavadoc("Whether the value was given, even as {@code null}; {@code false} when it was absent.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addStatement("return $N", field.presenceName())
            .build());
      }
    }
    if (model) {
      type.addMethod(MethodSpec.methodBuilder("getAdditionalProperties")
          .addJavadoc("JSON properties the spec does not declare (or whose value had the wrong type), as parsed JSON"
              + " values; kept so that nothing a newer server sends is lost, and written back as they came.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(ADDITIONAL)
          .addStatement("return additionalProperties")
          .build());
      type.addMethod(validationProblems(fields));
    }

    List<String> valueNames = new ArrayList<>();
    for (ValueField field : fields) {
      valueNames.add(field.name());
      if (field.tracksPresence()) {
        valueNames.add(field.presenceName());
      }
    }
    if (model) {
      valueNames.add("additionalProperties");
    }
    type.addMethod(equalsMethod(className, valueNames));
    type.addMethod(hashCodeMethod(valueNames));
    type.addMethod(toStringMethod(className, fields, model));
    type.addType(builder(className, builderName, fields, model));
    return type.build();
  }

  private static MethodSpec getter(ClassName className, ValueField field, boolean model) {
    MethodSpec.Builder getter = MethodSpec.methodBuilder(field.getterName())
        .addModifiers(Modifier.PUBLIC)
        .returns(field.type());
    if (model && field.required()) {
      getter.addStatement("return $T.required($N, $S, $S)", EmitContext.BULWARK_JSON, field.name(),
          className.simpleName(), field.jsonName());
    } else {
      getter.addStatement("return $N", field.name());
    }
    String doc = field.javadoc();
    if (model && field.required()) {
      doc += "\n\n@throws dev.bulwark.runtime.json.ModelValidationException if a response lacked this required"
          + " property";
    }
    if (!doc.isEmpty()) {
      getter.addJavadoc("$L\n", EmitContext.javadoc(doc));
    }
    if (field.deprecated()) {
      getter.addAnnotation(Deprecated.class);
    }
    return getter.build();
  }

  private static MethodSpec validationProblems(List<ValueField> fields) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("validationProblems")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(STRINGS)
        .addParameter(String.class, "path")
        .addStatement("$T problems = new $T<>()", STRINGS, ArrayList.class)
        .beginControlFlow("for ($T problem : parseProblems)", String.class)
        .addStatement("problems.add(path + problem)")
        .endControlFlow();
    for (ValueField field : fields) {
      if (field.required()) {
        method.beginControlFlow("if (this.$N == null)", field.name())
            .addStatement("problems.add(path + $S)", "." + field.jsonName() + ": required property is missing")
            .endControlFlow();
      }
      if (field.nested()) {
        method.addStatement("$T.collectProblems(problems, path + $S, this.$N)", EmitContext.BULWARK_JSON,
            "." + field.jsonName(), field.name());
      }
    }
    return method.addStatement("return problems").build();
  }

  /** Collections are copied into unmodifiable ones, so that the object stays immutable. */
  private static CodeBlock copyFromBuilder(ValueField field) {
    TypeName raw = field.storedType().withoutAnnotations();
    if (raw instanceof ParameterizedTypeName parameterized) {
      ClassName collection = parameterized.rawType();
      Class<?> copyType = collection.simpleName().equals("List") ? ArrayList.class : LinkedHashMap.class;
      String wrap = collection.simpleName().equals("List") ? "unmodifiableList" : "unmodifiableMap";
      if (field.storedType().isAnnotated()) {
        return CodeBlock.of("builder.$N == null ? null : $T.$L(new $T<>(builder.$N))",
            field.name(), Collections.class, wrap, copyType, field.name());
      }
      return CodeBlock.of("$T.$L(new $T<>(builder.$N))", Collections.class, wrap, copyType, field.name());
    }
    return CodeBlock.of("builder.$N", field.name());
  }

  private static MethodSpec equalsMethod(ClassName className, List<String> names) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(ParameterSpec.builder(JavaTypes.nullable(ClassName.OBJECT), "other").build())
        .beginControlFlow("if (this == other)")
        .addStatement("return true")
        .endControlFlow()
        .beginControlFlow("if (!(other instanceof $T))", className)
        .addStatement("return false")
        .endControlFlow();
    if (names.isEmpty()) {
      return method.addStatement("return true").build();
    }
    method.addStatement("$T that = ($T) other", className, className);
    CodeBlock.Builder comparison = CodeBlock.builder();
    for (int i = 0; i < names.size(); i++) {
      comparison.add(i == 0 ? "" : "\n&& ")
          .add("$T.equals(this.$N, that.$N)", Objects.class, names.get(i), names.get(i));
    }
    return method.addStatement("return $L", comparison.build()).build();
  }

  private static MethodSpec hashCodeMethod(List<String> names) {
    return MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT)
        .addStatement("return $T.hash($L)", Objects.class, String.join(", ", names))
        .build();
  }

  private static MethodSpec toStringMethod(ClassName className, List<ValueField> fields, boolean model) {
    CodeBlock.Builder text = CodeBlock.builder().add("$S", className.simpleName() + "{");
    for (int i = 0; i < fields.size(); i++) {
      String label = (i == 0 ? "" : ", ") + fields.get(i).name() + "=";
      text.add("\n+ $S + $N", label, fields.get(i).name());
    }
    if (model) {
      text.add("\n+ (additionalProperties.isEmpty() ? $S : $S + additionalProperties)", "",
          (fields.isEmpty() ? "" : ", ") + "additionalProperties=");
    }
    text.add("\n+ $S", "}");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $L", text.build())
        .build();
  }

  private static TypeSpec builder(ClassName className, ClassName builderName, List<ValueField> fields,
      boolean model) {
    TypeSpec.Builder builder = TypeSpec.classBuilder(builderName)
        .addJavadoc("Builds a {@code $L}. Not thread-safe.\n", className.simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
    MethodSpec.Builder copyConstructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(className, "source");
    for (ValueField field : fields) {
      builder.addField(FieldSpec.builder(field.builderType(), field.name(), Modifier.PRIVATE).build());
      copyConstructor.addStatement("this.$N = source.$N", field.name(), field.name());
      if (field.tracksPresence()) {
        builder.addField(TypeName.BOOLEAN, field.presenceName(), Modifier.PRIVATE);
        copyConstructor.addStatement("this.$N = source.$N", field.presenceName(), field.presenceName());
      }
    }
    if (model) {
      builder.addField(FieldSpec.builder(ADDITIONAL, "additionalProperties", Modifier.PRIVATE, Modifier.FINAL)
          .initializer("new $T<>()", LinkedHashMap.class).build());
      builder.addField(FieldSpec.builder(STRINGS, "parseProblems", Modifier.PRIVATE)
          .initializer("$T.of()", List.class).build());
      copyConstructor.addStatement("this.additionalProperties.putAll(source.additionalProperties)");
      copyConstructor.addStatement("this.parseProblems = source.parseProblems");
    }
    builder.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    builder.addMethod(copyConstructor.build());

    for (ValueField field : fields) {
      MethodSpec.Builder setter = MethodSpec.methodBuilder(field.name())
          .addModifiers(Modifier.PUBLIC)
          .returns(builderName)
          .addParameter(field.type(), field.name());
      if (!field.javadoc().isEmpty()) {
        setter.addJavadoc("$L\n", EmitContext.javadoc(field.javadoc()));
      }
      if (field.deprecated()) {
        setter.addAnnotation(Deprecated.class);
      }
      if (field.required() && !field.type().isPrimitive()) {
        setter.addStatement("this.$N = $T.requireNonNull($N, $S)", field.name(), Objects.class, field.name(),
            field.name());
      } else {
        setter.addStatement("this.$N = $N", field.name(), field.name());
      }
      if (field.tracksPresence()) {
        setter.addStatement("this.$N = true", field.presenceName());
      }
      builder.addMethod(setter.addStatement("return this").build());
    }
    if (model) {
      builder.addMethod(MethodSpec.methodBuilder("additionalProperty")
          .addJavadoc("Adds a JSON property the spec does not declare; the value must be a JSON value (map, list,"
              + " string, number, boolean or {@code null}).\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(builderName)
          .addParameter(String.class, "name")
          .addParameter(JavaTypes.nullable(ClassName.OBJECT), "value")
          .addStatement("additionalProperties.put(name, value)")
          .addStatement("return this")
          .build());
      builder.addMethod(MethodSpec.methodBuilder("additionalProperties")
          .addJavadoc("Replaces every property the spec does not declare.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(builderName)
          .addParameter(ADDITIONAL, "additionalProperties")
          .addStatement("this.additionalProperties.clear()")
          .addStatement("this.additionalProperties.putAll(additionalProperties)")
          .addStatement("return this")
          .build());
      builder.addMethod(MethodSpec.methodBuilder("buildLenient")
          .addJavadoc("Builds without checking required values: for the JSON adapter, whose reads are lenient.\n")
          .addModifiers(Modifier.PRIVATE)
          .returns(className)
          .addStatement("return new $T(this)", className)
          .build());
    }

    MethodSpec.Builder build = MethodSpec.methodBuilder("build")
        .addJavadoc("@throws IllegalStateException if a required value was not set\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(className);
    List<ValueField> required = fields.stream().filter(ValueField::requiredToBuild).toList();
    if (!required.isEmpty()) {
      build.addStatement("$T missing = new $T()", StringBuilder.class, StringBuilder.class);
      for (ValueField field : required) {
        build.beginControlFlow("if (this.$N == null)", field.name())
            .addStatement("missing.append($S)", " " + field.name())
            .endControlFlow();
      }
      build.beginControlFlow("if (missing.length() > 0)")
          .addStatement("throw new $T($S + missing)", IllegalStateException.class,
              className.simpleName() + " is missing required values:")
          .endControlFlow();
    }
    builder.addMethod(build.addStatement("return new $T(this)", className).build());
    return builder.build();
  }
}
