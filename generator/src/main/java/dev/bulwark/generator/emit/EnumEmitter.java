package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.EnumModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Emits an enum model as an open enum: a class with one constant per known value that also holds values the spec does
 * not list yet, so a newer server's value neither fails the response nor changes when written back. {@code known()}
 * returns a Java enum of the known values plus {@code _UNKNOWN}, for exhaustive {@code switch} and Kotlin
 * {@code when}.
 */
final class EnumEmitter {
  static final String KNOWN = "Known";
  static final String UNKNOWN = "_UNKNOWN";

  private final EmitContext context;
  private final AdapterEmitter adapters;

  EnumEmitter(EmitContext context, AdapterEmitter adapters) {
    this.context = context;
    this.adapters = adapters;
  }

  TypeSpec emit(EnumModel model) {
    ClassName name = context.modelClass(model.name());
    ClassName known = name.nestedClass(KNOWN);
    TypeName valueType = model.integer() ? TypeName.LONG : TypeName.get(String.class);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(EmitContext.nullMarked())
        .addJavadoc("$L", model.description().isEmpty() ? "" : EmitContext.javadoc(model.description()) + "\n\n")
        .addJavadoc("<p>An open enum: {@link #of} accepts values the spec does not list, which {@link #known()} reports"
            + " as {@code $L} and which are written back unchanged.\n", UNKNOWN);

    TypeSpec.Builder knownEnum = TypeSpec.enumBuilder(known)
        .addJavadoc("The values the spec lists, and {@code $L} for any other.\n", UNKNOWN)
        .addModifiers(Modifier.PUBLIC);
    CodeBlock.Builder all = CodeBlock.builder();
    for (EnumModel.EnumConstant constant : model.constants()) {
      type.addField(FieldSpec.builder(name, constant.javaName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The value {@code $L}.\n", EmitContext.javadoc(constant.value()))
          .initializer(model.integer() ? "new $T($LL, $T.$L)" : "new $T($S, $T.$L)", name, constant.value(), known,
              constant.javaName())
          .build());
      knownEnum.addEnumConstant(constant.javaName());
      all.add(all.isEmpty() ? "$N" : ", $N", constant.javaName());
    }
    knownEnum.addEnumConstant(UNKNOWN);
    TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), name);
    type.addField(FieldSpec.builder(list, "VALUES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class, all.build())
        .build());
    TypeName byValue = ParameterizedTypeName.get(ClassName.get(Map.class), valueType.box(), name);
    type.addField(FieldSpec.builder(byValue, "BY_VALUE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("byValue()")
        .build());
    type.addField(valueType, "value", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(known, "known", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(valueType, "value")
        .addParameter(known, "known")
        .addCode(model.integer()
            ? CodeBlock.of("this.value = value;\n")
            : CodeBlock.of("this.value = $T.requireNonNull(value, $S);\n", Objects.class, "value"))
        .addStatement("this.known = known")
        .build());
    type.addMethod(MethodSpec.methodBuilder("byValue")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(byValue)
        .addStatement("$T values = new $T<>()", byValue, LinkedHashMap.class)
        .beginControlFlow("for ($T constant : VALUES)", name)
        .addStatement("values.put(constant.value, constant)")
        .endControlFlow()
        .addStatement("return values")
        .build());
    type.addMethod(MethodSpec.methodBuilder("of")
        .addJavadoc("The constant for a known value, or a new instance holding an unknown one.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(name)
        .addParameter(valueType, "value")
        .addStatement("$T constant = BY_VALUE.get(value)", name)
        .addStatement("return constant != null ? constant : new $T(value, $T.$L)", name, known, UNKNOWN)
        .build());
    type.addMethod(MethodSpec.methodBuilder("values")
        .addJavadoc("The known values, in the spec's order.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(list)
        .addStatement("return VALUES")
        .build());
    type.addMethod(MethodSpec.methodBuilder("getValue")
        .addJavadoc("The value as it travels in JSON and in parameters.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(valueType)
        .addStatement("return value")
        .build());
    type.addMethod(MethodSpec.methodBuilder("known")
        .addJavadoc("The known value this is, or {@code $L}: switch over this.\n", UNKNOWN)
        .addModifiers(Modifier.PUBLIC)
        .returns(known)
        .addStatement("return known")
        .build());
    type.addMethod(MethodSpec.methodBuilder("isKnown")
        .addJavadoc("Whether the spec lists this value.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addStatement("return known != $T.$L", known, UNKNOWN)
        .build());
    type.addMethod(MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(JavaTypes.nullable(ClassName.OBJECT), "other")
        .addStatement(model.integer()
            ? "return other instanceof $T that && value == that.value"
            : "return other instanceof $T that && value.equals(that.value)", name)
        .build());
    type.addMethod(MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT)
        .addCode(model.integer()
            ? CodeBlock.of("return $T.hashCode(value);\n", Long.class)
            : CodeBlock.of("return value.hashCode();\n"))
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addJavadoc("The wire value, so that the constant formats correctly as a parameter.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addCode(model.integer()
            ? CodeBlock.of("return $T.toString(value);\n", Long.class)
            : CodeBlock.of("return value;\n"))
        .build());
    return type.addType(knownEnum.build()).addType(adapters.emit(model)).build();
  }
}
