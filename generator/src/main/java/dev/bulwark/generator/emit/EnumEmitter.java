package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.EnumModel;
import java.util.List;
import java.util.Map;
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
        .superclass(ParameterizedTypeName.get(EmitContext.OPEN_ENUM, valueType.box(), known))
        .addAnnotation(EmitContext.nullMarked())
        .addJavadoc("$L", model.description().isEmpty() ? "" : context.docs().markdown(model.description()) + "\n\n")
        .addJavadoc("<p>An open enum (see {@link $T}): {@link #of} also accepts values the spec does not list.\n",
            EmitContext.OPEN_ENUM);

    TypeSpec.Builder knownEnum = TypeSpec.enumBuilder(known)
        .addJavadoc("The values the spec lists, and {@code $L} for any other.\n", UNKNOWN)
        .addModifiers(Modifier.PUBLIC);
    CodeBlock.Builder all = CodeBlock.builder();
    for (EnumModel.EnumConstant constant : model.constants()) {
      String valueDoc = context.docs().code(model.integer() ? constant.value()
          : "\"" + constant.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
      type.addField(JavadocTags.field(FieldSpec.builder(name, constant.javaName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The value $L.\n", valueDoc)
          .initializer(model.integer() ? "new $T($LL, $T.$L)" : "new $T($S, $T.$L)", name, constant.value(), known,
              constant.javaName())
          .build()));
      knownEnum.addEnumConstant(constant.javaName(), TypeSpec.anonymousClassBuilder("")
          .addJavadoc("The value $L.\n", valueDoc).build());
      all.add(all.isEmpty() ? "$N" : ", $N", constant.javaName());
    }
    knownEnum.addEnumConstant(UNKNOWN, TypeSpec.anonymousClassBuilder("")
        .addJavadoc("A value the spec does not list.\n").build());
    TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), name);
    type.addField(JavadocTags.field(FieldSpec.builder(list, "VALUES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class, all.build())
        .build()));
    TypeName byValue = ParameterizedTypeName.get(ClassName.get(Map.class), valueType.box(), name);
    type.addField(JavadocTags.field(FieldSpec.builder(byValue, "BY_VALUE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("byValue(VALUES)")
        .build()));
    type.addMethod(JavadocTags.complete(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(valueType, "value")
        .addParameter(known, "known")
        .addStatement("super(value, known)")
        .build()));
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("of")
        .addJavadoc("The constant for a known value, or a new instance holding an unknown one.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(name)
        .addParameter(valueType, "value")
        .addStatement("$T constant = BY_VALUE.get(value)", name)
        .addStatement("return constant != null ? constant : new $T(value, $T.$L)", name, known, UNKNOWN)
        .build()));
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("values")
        .addJavadoc("The known values, in the spec's order.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(list)
        .addStatement("return VALUES")
        .build()));
    return type.addType(knownEnum.build()).addType(adapters.emit(model)).build();
  }
}
