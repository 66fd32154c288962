package dev.bulwark.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.bulwark.generator.model.UnionModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Emits a union as a sealed interface: one record per variant ({@code Animal.OfDog(Dog value)}) and
 * {@code Animal.Unknown(Object json)} for JSON that matches none, kept so that it is written back unchanged. Java
 * pattern matching and Kotlin {@code when} cover every case. The nested adapter picks the variant by the
 * discriminator when the spec declares one, else by the first variant whose JSON kind fits and that reads cleanly.
 */
final class UnionEmitter {
  private static final ClassName UNION_CHOICE = EmitContext.BULWARK_JSON.nestedClass("UnionChoice");

  private final EmitContext context;
  private final JavaTypes types;

  UnionEmitter(EmitContext context, JavaTypes types) {
    this.context = context;
    this.types = types;
  }

  TypeSpec emit(UnionModel model) {
    ClassName union = context.modelClass(model.name());
    ClassName unknown = union.nestedClass("Unknown");
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(union)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addAnnotation(EmitContext.nullMarked())
        .addJavadoc("$L", model.description().isEmpty() ? "" : EmitContext.javadoc(model.description()) + "\n\n")
        .addJavadoc("<p>One of several types: match on the records, {@code Unknown} included.\n");
    for (UnionModel.Variant variant : model.variants()) {
      ClassName record = union.nestedClass(variant.javaName());
      type.addPermittedSubclass(record);
      type.addType(TypeSpec.recordBuilder(record)
          .addJavadoc("The value as {@code $L}.\n", types.boxed(variant.type()).withoutAnnotations())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addSuperinterface(union)
          .recordConstructor(MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addParameter(types.boxed(variant.type()), "value")
              .build())
          .build());
    }
    type.addPermittedSubclass(unknown);
    type.addType(TypeSpec.recordBuilder(unknown)
        .addJavadoc("JSON that matches no variant the spec lists, kept as parsed JSON and written back unchanged.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(union)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addParameter(JavaTypes.nullable(ClassName.OBJECT), "json")
            .build())
        .build());
    return type.addType(adapter(model, union, unknown)).build();
  }

  private TypeSpec adapter(UnionModel model, ClassName union, ClassName unknown) {
    // Members of an interface are public.
    TypeSpec.Builder adapter = AdapterEmitter.adapterClass(union, ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, union),
        Modifier.PUBLIC);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameter(EmitContext.MOSHI, "moshi");
    CodeBlock.Builder adapters = CodeBlock.builder();
    CodeBlock.Builder kinds = CodeBlock.builder();
    List<UnionModel.Variant> variants = model.variants();
    for (int i = 0; i < variants.size(); i++) {
      UnionModel.Variant variant = variants.get(i);
      String field = "variant" + i;
      adapter.addField(ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, types.boxed(variant.type())), field,
          Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$N = moshi.adapter($L)", field, types.reflectType(variant.type()));
      adapters.add(i == 0 ? "$N" : ", $N", field);
      kinds.add(i == 0 ? "$T.$L" : ", $T.$L", EmitContext.VALUE_KIND, types.valueKind(variant.type()));
    }
    TypeName adapterList = ParameterizedTypeName.get(ClassName.get(List.class),
        ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, WildcardTypeName.subtypeOf(Object.class)));
    adapter.addField(adapterList, "variants", Modifier.PRIVATE, Modifier.FINAL);
    constructor.addStatement("this.variants = $T.of($L)", List.class, adapters.build());
    adapter.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), EmitContext.VALUE_KIND),
            "KINDS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class, kinds.build())
        .build());
    adapter.addMethod(constructor.build());

    MethodSpec.Builder fromJson = MethodSpec.methodBuilder("fromJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(union)
        .addParameter(EmitContext.JSON_READER, "reader")
        .addException(IOException.class)
        .addStatement("$T json = reader.readJsonValue()", JavaTypes.nullable(ClassName.OBJECT));
    if (variants.stream().anyMatch(v -> JavaTypes.isParameterized(v.type()))) {
      fromJson.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked")
          .build());
    }
    model.discriminator().ifPresent(property -> {
      fromJson.beginControlFlow("if (json instanceof $T<?, ?> map)", Map.class)
          .addStatement("$T tag = map.get($S)", JavaTypes.nullable(ClassName.OBJECT), property);
      for (int i = 0; i < variants.size(); i++) {
        for (String value : variants.get(i).discriminatorValues()) {
          fromJson.beginControlFlow("if ($S.equals(tag))", value)
              .addStatement("return new $T($T.requireNonNull(variant$L.fromJsonValue(json)))",
                  union.nestedClass(variants.get(i).javaName()), Objects.class, i)
              .endControlFlow();
        }
      }
      // A tag the spec does not list is a variant newer than the spec: kept as it came, not guessed at.
      fromJson.beginControlFlow("if (tag != null)")
          .addStatement("return new $T(json)", unknown)
          .endControlFlow()
          .endControlFlow();
    });
    fromJson.addStatement("$T choice = $T.chooseVariant(json, variants, KINDS)", JavaTypes.nullable(UNION_CHOICE),
            EmitContext.BULWARK_JSON)
        .beginControlFlow("if (choice == null)")
        .addStatement("return new $T(json)", unknown)
        .endControlFlow()
        .beginControlFlow("switch (choice.index())");
    for (int i = 0; i < variants.size(); i++) {
      TypeName variantType = types.boxed(variants.get(i).type());
      ClassName record = union.nestedClass(variants.get(i).javaName());
      fromJson.addCode("case $L:\n$>", i)
          .addCode(variantType.equals(ClassName.OBJECT)
              ? CodeBlock.of("return new $T(choice.value());\n", record)
              : CodeBlock.of("return new $T(($T) choice.value());\n", record, variantType))
          .addCode("$<");
    }
    fromJson.addCode("default:\n$>").addStatement("return new $T(json)", unknown).addCode("$<").endControlFlow();
    adapter.addMethod(fromJson.build());

    MethodSpec.Builder toJson = MethodSpec.methodBuilder("toJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(EmitContext.JSON_WRITER, "writer")
        .addParameter(JavaTypes.nullable(union), "value")
        .addException(IOException.class)
        .beginControlFlow("if (value == null)")
        .addStatement("writer.nullValue()")
        .nextControlFlow("else if (value instanceof $T unknown)", unknown)
        .addStatement("$T.writeRaw(writer, unknown.json())", EmitContext.BULWARK_JSON);
    for (int i = 0; i < variants.size(); i++) {
      toJson.nextControlFlow("else if (value instanceof $T v$L)", union.nestedClass(variants.get(i).javaName()), i)
          .addStatement("variant$L.toJson(writer, v$L.value())", i, i);
    }
    toJson.endControlFlow();
    return adapter.addMethod(toJson.build()).build();
  }
}
