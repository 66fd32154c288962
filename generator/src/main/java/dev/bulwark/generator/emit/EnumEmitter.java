package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.EnumModel;
import javax.lang.model.element.Modifier;

/** Emits an enum model as a Java enum that knows each constant's wire value. */
final class EnumEmitter {
  private final EmitContext context;

  EnumEmitter(EmitContext context) {
    this.context = context;
  }

  TypeSpec emit(EnumModel model) {
    ClassName name = context.modelClass(model.name());
    TypeName valueType = model.integer() ? TypeName.LONG : TypeName.get(String.class);
    TypeSpec.Builder type = TypeSpec.enumBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(EmitContext.nullMarked());
    if (!model.description().isEmpty()) {
      type.addJavadoc("$L\n", EmitContext.javadoc(model.description()));
    }
    for (EnumModel.EnumConstant constant : model.constants()) {
      TypeSpec body = model.integer()
          ? TypeSpec.anonymousClassBuilder("$LL", constant.value()).build()
          : TypeSpec.anonymousClassBuilder("$S", constant.value()).build();
      type.addEnumConstant(constant.javaName(), body);
    }
    type.addField(valueType, "value", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addParameter(valueType, "value")
        .addStatement("this.value = value")
        .build());
    type.addMethod(MethodSpec.methodBuilder("getValue")
        .addJavadoc("The value as it travels in JSON and in parameters.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(valueType)
        .addStatement("return value")
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addJavadoc("The wire value, so that the constant formats correctly as a parameter.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addCode(model.integer()
            ? CodeBlock.builder().addStatement("return $T.toString(value)", Long.class).build()
            : CodeBlock.builder().addStatement("return value").build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("fromValue")
        .addJavadoc("The constant for a wire value.\n\n@throws IllegalArgumentException if no constant has it\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(name)
        .addParameter(valueType, "value")
        .beginControlFlow("for ($T constant : values())", name)
        .beginControlFlow(model.integer() ? "if (constant.value == value)" : "if (constant.value.equals(value))")
        .addStatement("return constant")
        .endControlFlow()
        .endControlFlow()
        .addStatement("throw new $T($S + value)", IllegalArgumentException.class,
            "Unknown " + model.name() + " value: ")
        .build());
    return type.build();
  }
}
