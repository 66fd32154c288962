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
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Emits an immutable value class with a builder: private final fields, JavaBean getters, {@code builder()},
 * {@code toBuilder()}, {@code equals}, {@code hashCode} and {@code toString}. Models and operation parameter classes
 * share this shape; models add what tolerant reading needs (see {@link #emitModel}).
 */
final class ValueClassEmitter {
  private static final TypeName STRINGS = ParameterizedTypeName.get(List.class, String.class);
  private static final ClassName JSON_MODEL = ClassName.get(EmitContext.RUNTIME + ".json", "JsonModel");
  private static final String VALIDATION_EXCEPTION = EmitContext.RUNTIME + ".json.ModelValidationException";

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
   * @param javadoc text for the setter, and for a model's getter; empty when the spec says nothing of the value
   * @param initialValue what {@code builder()} sets the value to, as a Java expression; empty for none. Only the
   *     public {@code builder()}: a builder reading JSON starts empty, so that a missing value is seen as missing
   * @param variantSetters for a value of a union type, the setter overloads that take one variant directly
   * @param sensitive a secret: {@code toString()} says whether it is set, never what it is
   */
  record ValueField(
      String name, TypeName type, TypeName storedType, TypeName builderType, boolean required, String jsonName,
      boolean tracksPresence, boolean nested, String javadoc, boolean deprecated, boolean requiredToBuild,
      CodeBlock initialValue, List<VariantSetter> variantSetters, boolean sensitive) {

    ValueField {
      variantSetters = List.copyOf(variantSetters);
    }

    ValueField(String name, TypeName type, TypeName storedType, TypeName builderType, boolean required,
        String jsonName, boolean tracksPresence, boolean nested, String javadoc, boolean deprecated,
        boolean requiredToBuild, CodeBlock initialValue) {
      this(name, type, storedType, builderType, required, jsonName, tracksPresence, nested, javadoc, deprecated,
          requiredToBuild, initialValue, List.of(), false);
    }

    /** A field that {@code build()} requires exactly when reading requires it, with no initial value. */
    ValueField(String name, TypeName type, TypeName storedType, TypeName builderType, boolean required,
        String jsonName, boolean tracksPresence, boolean nested, String javadoc, boolean deprecated) {
      this(name, type, storedType, builderType, required, jsonName, tracksPresence, nested, javadoc, deprecated,
          required, CodeBlock.of(""));
    }

    /** This field with setter overloads for the variants of its union type. */
    ValueField withVariantSetters(List<VariantSetter> setters) {
      return new ValueField(name, type, storedType, builderType, required, jsonName, tracksPresence, nested,
          javadoc, deprecated, requiredToBuild, initialValue, setters, sensitive);
    }

    /** This field, a secret or not. */
    ValueField withSensitive(boolean secret) {
      return new ValueField(name, type, storedType, builderType, required, jsonName, tracksPresence, nested,
          javadoc, deprecated, requiredToBuild, initialValue, variantSetters, secret);
    }

    String getterName() {
      return "get" + Names.capitalize(name);
    }

    String presenceName() {
      return name + "Present";
    }
  }

  /**
   * A setter overload that takes one variant of a union-typed value and wraps it: {@code content("Hi")} for
   * {@code content(Content.ofString("Hi"))}.
   *
   * @param variantType the variant's Java type
   * @param union the union's class
   * @param factory the union's static factory for the variant
   */
  record VariantSetter(TypeName variantType, ClassName union, String factory) {}

  /** A parameters class: fails in {@code build()} when a required value is missing. */
  TypeSpec emit(ClassName className, String javadoc, boolean deprecated, List<ValueField> fields) {
    return emit(className, javadoc, deprecated, fields, false);
  }

  /**
   * A model: as a parameters class, extending {@code JsonModel} (which keeps unknown JSON properties and what a
   * lenient read could not take in), with presence tracking and the checks of {@code validationProblems}.
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
    String classDoc = javadoc.isEmpty() ? "The {@code " + className.simpleName() + "} object." : javadoc;
    if (model && fields.stream().anyMatch(ValueField::required)) {
      classDoc += (classDoc.isEmpty() ? "" : "\n\n<p>") + "The getter of a required property throws {@link "
          + VALIDATION_EXCEPTION + "} if a response lacked it; {@code validationProblems} lists every such gap.";
    }
    if (!classDoc.isEmpty()) {
      type.addJavadoc("$L\n", classDoc);
    }
    if (deprecated) {
      type.addAnnotation(Deprecated.class);
    }
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builderName, "builder");
    if (model) {
      type.superclass(JSON_MODEL);
      constructor.addStatement("super(builder)");
    }
    for (ValueField field : fields) {
      type.addField(JavadocTags.field(FieldSpec.builder(field.storedType(), field.name(), Modifier.PRIVATE, Modifier.FINAL).build()));
      constructor.addStatement("this.$N = $L", field.name(), copyFromBuilder(field));
      if (field.tracksPresence()) {
        type.addField(JavadocTags.field(FieldSpec.builder(TypeName.BOOLEAN, field.presenceName(), Modifier.PRIVATE, Modifier.FINAL).build()));
        constructor.addStatement("this.$N = builder.$N", field.presenceName(), field.presenceName());
      }
    }
    type.addMethod(JavadocTags.complete(constructor.build()));

    CodeBlock.Builder newBuilder = CodeBlock.builder().add("new $T()", builderName);
    for (ValueField field : fields) {
      if (!field.initialValue().isEmpty()) {
        newBuilder.add(".$N($L)", field.name(), field.initialValue());
      }
    }
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("builder")
        .addJavadoc("Starts building a {@code $L}.\n", className.simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builderName)
        .addStatement("return $L", newBuilder.build())
        .build()));
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("toBuilder")
        .addJavadoc("A builder holding this object's values, to build a changed copy.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(builderName)
        .addStatement("return new $T(this)", builderName)
        .build()));

    for (ValueField field : fields) {
      type.addMethod(JavadocTags.complete(getter(className, field, model)));
      if (field.tracksPresence()) {
        type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("has" + Names.capitalize(field.name()))
            .addJavadoc("Whether the value was given, even as {@code null}; {@code false} when it was absent.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addStatement("return $N", field.presenceName())
            .build()));
      }
    }
    if (model && fields.stream().anyMatch(field -> field.required() || field.nested())) {
      type.addMethod(JavadocTags.complete(collectProblems(fields)));
    }

    List<String> valueNames = new ArrayList<>();
    for (ValueField field : fields) {
      valueNames.add(field.name());
      if (field.tracksPresence()) {
        valueNames.add(field.presenceName());
      }
    }
    type.addMethod(JavadocTags.complete(equalsMethod(className, valueNames, model)));
    type.addMethod(JavadocTags.complete(hashCodeMethod(model ? concat(valueNames, "getAdditionalProperties()") : valueNames)));
    type.addMethod(JavadocTags.complete(toStringMethod(className, fields, model)));
    type.addType(builder(className, builderName, fields, model));
    return type.build();
  }

  /** The field's description, or for an undescribed property its JSON name. */
  private static String documentation(ValueField field) {
    if (!field.javadoc().isEmpty()) {
      return field.javadoc();
    }
    return "The {@code " + (field.jsonName().isEmpty() ? field.name() : field.jsonName()) + "} property.";
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
    // A parameters class's getters only give back what the caller set; its setters carry the documentation.
    getter.addJavadoc("$L\n", model ? documentation(field) : "The value set for {@code " + field.name() + "}.");
    if (field.deprecated()) {
      getter.addAnnotation(Deprecated.class);
    }
    return getter.build();
  }

  private static MethodSpec collectProblems(List<ValueField> fields) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("collectProblems")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(STRINGS, "problems")
        .addParameter(String.class, "path");
    for (ValueField field : fields) {
      if (field.required()) {
        method.addStatement("$T.requireProperty(problems, path, $S, this.$N)", EmitContext.BULWARK_JSON,
            field.jsonName(), field.name());
      }
      if (field.nested()) {
        method.addStatement("$T.collectProblems(problems, path + $S, this.$N)", EmitContext.BULWARK_JSON,
            "." + field.jsonName(), field.name());
      }
    }
    return method.build();
  }

  private static List<String> concat(List<String> names, String last) {
    List<String> all = new ArrayList<>(names);
    all.add(last);
    return all;
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

  /**
   * Past this many fields, {@code equals} and {@code toString} are written as statements: javac compiles a chain of
   * {@code &&} or {@code +} recursively, and a thousand-property schema overflows its stack.
   */
  private static final int MAX_CHAINED_FIELDS = 64;

  private static MethodSpec equalsMethod(ClassName className, List<String> names, boolean model) {
    if (names.size() > MAX_CHAINED_FIELDS) {
      MethodSpec.Builder method = MethodSpec.methodBuilder("equals")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addParameter(ParameterSpec.builder(JavaTypes.nullable(ClassName.OBJECT), "other").build())
          .beginControlFlow("if (!(other instanceof $T that))", className)
          .addStatement("return false")
          .endControlFlow();
      for (String name : names) {
        method.beginControlFlow("if (!$T.equals(this.$N, that.$N))", Objects.class, name, name)
            .addStatement("return false")
            .endControlFlow();
      }
      return method.addStatement(model ? "return sameAdditionalProperties(that)" : "return true").build();
    }
    CodeBlock.Builder comparison = CodeBlock.builder();
    boolean bind = !names.isEmpty() || model;
    comparison.add(bind ? "other instanceof $T that" : "other instanceof $T", className);
    for (String name : names) {
      comparison.add("\n&& $T.equals(this.$N, that.$N)", Objects.class, name, name);
    }
    if (model) {
      comparison.add("\n&& sameAdditionalProperties(that)");
    }
    return MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(ParameterSpec.builder(JavaTypes.nullable(ClassName.OBJECT), "other").build())
        .addStatement("return $L", comparison.build())
        .build();
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
    if (fields.size() > MAX_CHAINED_FIELDS) {
      MethodSpec.Builder method = MethodSpec.methodBuilder("toString")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(String.class)
          .addStatement("$T text = new $T($S)", StringBuilder.class, StringBuilder.class, className.simpleName() + "{");
      for (int i = 0; i < fields.size(); i++) {
        ValueField field = fields.get(i);
        String label = (i == 0 ? "" : ", ") + field.name() + "=";
        method.addStatement(field.sensitive() && !field.type().isPrimitive()
            ? "text.append($S).append($N == null ? \"null\" : \"***\")" : "text.append($S).append($N)",
            label, field.name());
      }
      if (model) {
        method.addStatement("text.append(additionalPropertiesText($S))", ", ");
      }
      return method.addStatement("return text.append('}').toString()").build();
    }
    CodeBlock.Builder text = CodeBlock.builder().add("$S", className.simpleName() + "{");
    for (int i = 0; i < fields.size(); i++) {
      ValueField field = fields.get(i);
      String label = (i == 0 ? "" : ", ") + field.name() + "=";
      if (field.sensitive() && !field.type().isPrimitive()) {
        // A secret: whether it is set, never what it is.
        text.add("\n+ $S + ($N == null ? $S : $S)", label, field.name(), "null", "***");
      } else {
        text.add("\n+ $S + $N", label, field.name());
      }
    }
    if (model) {
      text.add("\n+ additionalPropertiesText($S)", fields.isEmpty() ? "" : ", ");
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
    if (model) {
      builder.superclass(ParameterizedTypeName.get(JSON_MODEL.nestedClass("Builder"), builderName));
      copyConstructor.addStatement("super(source)");
    }
    for (ValueField field : fields) {
      builder.addField(JavadocTags.field(FieldSpec.builder(field.builderType(), field.name(), Modifier.PRIVATE).build()));
      copyConstructor.addStatement("this.$N = source.$N", field.name(), field.name());
      if (field.tracksPresence()) {
        builder.addField(JavadocTags.field(FieldSpec.builder(TypeName.BOOLEAN, field.presenceName(), Modifier.PRIVATE).build()));
        copyConstructor.addStatement("this.$N = source.$N", field.presenceName(), field.presenceName());
      }
    }
    builder.addMethod(JavadocTags.complete(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build()));
    builder.addMethod(JavadocTags.complete(copyConstructor.build()));

    for (ValueField field : fields) {
      // What build() demands, the setter does not take as null: a required writeOnly property has a @Nullable getter
      // (no response carries it) but not a @Nullable setter.
      boolean demanded = field.requiredToBuild() && !field.type().isPrimitive();
      TypeName setterType = demanded ? field.type().withoutAnnotations() : field.type();
      MethodSpec.Builder setter = MethodSpec.methodBuilder(field.name())
          .addModifiers(Modifier.PUBLIC)
          .returns(builderName)
          .addParameter(setterType, field.name());
      setter.addJavadoc("$L\n", documentation(field));
      if (field.deprecated()) {
        setter.addAnnotation(Deprecated.class);
      }
      if ((field.required() || demanded) && !field.type().isPrimitive()) {
        setter.addStatement("this.$N = $T.requireNonNull($N, $S)", field.name(), Objects.class, field.name(),
            field.name());
      } else {
        setter.addStatement("this.$N = $N", field.name(), field.name());
      }
      if (field.tracksPresence()) {
        setter.addStatement("this.$N = true", field.presenceName());
      }
      builder.addMethod(JavadocTags.complete(setter.addStatement("return this").build()));
      for (VariantSetter overload : field.variantSetters()) {
        MethodSpec.Builder variantSetter = MethodSpec.methodBuilder(field.name())
            .addModifiers(Modifier.PUBLIC)
            .returns(builderName)
            .addJavadoc("Sets {@code $N} to {@code $T.$N($N)}.\n", field.name(), overload.union(), overload.factory(),
                field.name())
            .addParameter(overload.variantType(), field.name())
            .addStatement("return $N($T.$N($N))", field.name(), overload.union(), overload.factory(), field.name());
        if (field.deprecated()) {
          variantSetter.addAnnotation(Deprecated.class);
        }
        builder.addMethod(JavadocTags.complete(variantSetter.build()));
      }
    }
    MethodSpec.Builder build = MethodSpec.methodBuilder("build")
        .addJavadoc("@throws IllegalStateException if a required value was not set\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(className);
    List<ValueField> required = fields.stream().filter(ValueField::requiredToBuild).toList();
    if (!required.isEmpty()) {
      CodeBlock.Builder namesAndValues = CodeBlock.builder();
      for (ValueField field : required) {
        namesAndValues.add(", $S, $N", field.name(), field.name());
      }
      build.addStatement("$T.requireValues($S$L)", EmitContext.BULWARK_JSON, className.simpleName(),
          namesAndValues.build());
    }
    builder.addMethod(JavadocTags.complete(build.addStatement("return new $T(this)", className).build()));
    return builder.build();
  }
}
