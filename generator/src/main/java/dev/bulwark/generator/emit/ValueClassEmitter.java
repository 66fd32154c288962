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
 * share this shape.
 */
final class ValueClassEmitter {

  /**
   * One field of a value class.
   *
   * @param name the Java name of the field and of its builder setter
   * @param type the field's and getter's type: primitive or non-null when required, {@code @Nullable} otherwise
   * @param builderType the builder's field type, always a {@code @Nullable} reference type
   * @param javadoc text for the getter and the setter
   */
  record ValueField(
      String name, TypeName type, TypeName builderType, boolean required, String javadoc, boolean deprecated) {

    String getterName() {
      return "get" + Names.capitalize(name);
    }
  }

  TypeSpec emit(ClassName className, String javadoc, boolean deprecated, List<ValueField> fields) {
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

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builderName, "builder");
    for (ValueField field : fields) {
      type.addField(FieldSpec.builder(field.type(), field.name(), Modifier.PRIVATE, Modifier.FINAL).build());
      constructor.addStatement("this.$N = $L", field.name(), copyFromBuilder(field));
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
      MethodSpec.Builder getter = MethodSpec.methodBuilder(field.getterName())
          .addModifiers(Modifier.PUBLIC)
          .returns(field.type())
          .addStatement("return $N", field.name());
      if (!field.javadoc().isEmpty()) {
        getter.addJavadoc("$L\n", EmitContext.javadoc(field.javadoc()));
      }
      if (field.deprecated()) {
        getter.addAnnotation(Deprecated.class);
      }
      type.addMethod(getter.build());
    }

    type.addMethod(equalsMethod(className, fields));
    type.addMethod(hashCodeMethod(fields));
    type.addMethod(toStringMethod(className, fields));
    type.addType(builder(className, builderName, fields));
    return type.build();
  }

  /** Collections are copied into unmodifiable ones, so that the object stays immutable. */
  private static CodeBlock copyFromBuilder(ValueField field) {
    TypeName raw = field.type().withoutAnnotations();
    if (raw instanceof ParameterizedTypeName parameterized) {
      ClassName collection = parameterized.rawType();
      Class<?> copyType = collection.simpleName().equals("List") ? ArrayList.class : LinkedHashMap.class;
      String wrap = collection.simpleName().equals("List") ? "unmodifiableList" : "unmodifiableMap";
      if (field.required()) {
        return CodeBlock.of("$T.$L(new $T<>(builder.$N))", Collections.class, wrap, copyType, field.name());
      }
      return CodeBlock.of("builder.$N == null ? null : $T.$L(new $T<>(builder.$N))",
          field.name(), Collections.class, wrap, copyType, field.name());
    }
    return CodeBlock.of("builder.$N", field.name());
  }

  private static MethodSpec equalsMethod(ClassName className, List<ValueField> fields) {
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
    if (fields.isEmpty()) {
      return method.addStatement("return true").build();
    }
    method.addStatement("$T that = ($T) other", className, className);
    CodeBlock.Builder comparison = CodeBlock.builder();
    for (int i = 0; i < fields.size(); i++) {
      comparison.add(i == 0 ? "" : "\n&& ")
          .add("$T.equals(this.$N, that.$N)", Objects.class, fields.get(i).name(), fields.get(i).name());
    }
    return method.addStatement("return $L", comparison.build()).build();
  }

  private static MethodSpec hashCodeMethod(List<ValueField> fields) {
    String names = String.join(", ", fields.stream().map(ValueField::name).toList());
    return MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT)
        .addStatement("return $T.hash($L)", Objects.class, names)
        .build();
  }

  private static MethodSpec toStringMethod(ClassName className, List<ValueField> fields) {
    CodeBlock.Builder text = CodeBlock.builder().add("$S", className.simpleName() + "{");
    for (int i = 0; i < fields.size(); i++) {
      String label = (i == 0 ? "" : ", ") + fields.get(i).name() + "=";
      text.add("\n+ $S + $N", label, fields.get(i).name());
    }
    text.add("\n+ $S", "}");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $L", text.build())
        .build();
  }

  private static TypeSpec builder(ClassName className, ClassName builderName, List<ValueField> fields) {
    TypeSpec.Builder builder = TypeSpec.classBuilder(builderName)
        .addJavadoc("Builds a {@code $L}. Not thread-safe.\n", className.simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
    MethodSpec.Builder copyConstructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(className, "source");
    for (ValueField field : fields) {
      builder.addField(FieldSpec.builder(field.builderType(), field.name(), Modifier.PRIVATE).build());
      copyConstructor.addStatement("this.$N = source.$N", field.name(), field.name());
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
      builder.addMethod(setter.addStatement("return this").build());
    }

    MethodSpec.Builder build = MethodSpec.methodBuilder("build")
        .addJavadoc("@throws IllegalStateException if a required value was not set\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(className);
    List<ValueField> required = fields.stream().filter(ValueField::required).toList();
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
