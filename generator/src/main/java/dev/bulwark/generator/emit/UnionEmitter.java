package dev.bulwark.generator.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.bulwark.generator.model.UnionModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Emits a union as a sealed interface: one record per variant ({@code Animal.OfDog(Dog value)}) and
 * {@code Animal.Unknown(Object json)} for JSON that matches none, kept so that it is written back unchanged. Java 17
 * callers, who have no pattern matching in {@code switch}, get a factory per variant ({@code Animal.ofDog(dog)}),
 * {@code isDog()}/{@code asDog()} and a visitor; Java 21 pattern matching and Kotlin {@code when} cover every case.
 * The nested adapter picks the variant by the discriminator when the spec declares one, else by the first variant
 * whose JSON kind fits and that reads cleanly.
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
    ClassName visitor = union.nestedClass("Visitor");
    TypeVariableName result = TypeVariableName.get("R");
    String visitUnknown = model.variants().stream().anyMatch(v -> v.label().equals("Unknown"))
        ? "visitUnknownJson" : "visitUnknown";
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(union)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addAnnotation(EmitContext.nullMarked())
        .addJavadoc("$L", model.description().isEmpty() ? "" : context.docs().markdown(model.description()) + "\n\n")
        .addJavadoc("<p>One of several types. Make one with a factory ({@code $L.$N(...)}); read one with the"
            + " {@code isX()}/{@code asX()} pairs, {@link #accept(Visitor)}, or by matching on the records,"
            + " {@code Unknown} included.\n", union.simpleName(), factoryName(model.variants().get(0)));
    TypeSpec.Builder visitorType = TypeSpec.interfaceBuilder(visitor)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariable(result)
        .addJavadoc("What to do with each variant of {@code $L}; {@link #accept(Visitor)} calls the one that"
            + " applies.\n\n@param <R> what the visit gives back\n", union.simpleName());
    for (UnionModel.Variant variant : model.variants()) {
      ClassName record = union.nestedClass(variant.javaName());
      TypeName valueType = types.boxed(variant.type());
      String typeText = simpleText(valueType.withoutAnnotations());
      type.addPermittedSubclass(record);
      type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder(factoryName(variant))
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addJavadoc("A {@code $L} holding a {@code $L}.\n", union.simpleName(), typeText)
          .returns(union)
          .addParameter(valueType, "value")
          .addStatement("return new $T(value)", record)
          .build()));
      type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("is" + variant.label())
          .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
          .addJavadoc("Whether this holds a {@code $L} ({@link $T}).\n", typeText, record)
          .returns(TypeName.BOOLEAN)
          .addStatement("return this instanceof $T", record)
          .build()));
      type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("as" + variant.label())
          .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
          .addJavadoc("The {@code $L} this holds.\n\n@throws IllegalStateException if it holds another variant;"
              + " ask {@link #is$L()} first\n", typeText, variant.label())
          .returns(valueType)
          .beginControlFlow("if (this instanceof $T variant)", record)
          .addStatement("return variant.value()")
          .endControlFlow()
          .addStatement("throw new $T($S + getClass().getSimpleName())", IllegalStateException.class,
              "not a " + variant.label() + ": this " + union.simpleName() + " is ")
          .build()));
      visitorType.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("visit" + variant.label())
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("Visits a {@code $L}.\n", typeText)
          .returns(result)
          .addParameter(valueType, "value")
          .build()));
      type.addType(TypeSpec.recordBuilder(record)
          .addJavadoc("The value as {@code $L}.\n\n@param value the value\n", typeText)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addSuperinterface(union)
          .recordConstructor(MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addParameter(valueType, "value")
              .build())
          .addMethod(JavadocTags.complete(acceptMethod(visitor, result, CodeBlock.of("return visitor.$N(value)", "visit" + variant.label()))))
          .build());
    }
    visitorType.addMethod(JavadocTags.complete(MethodSpec.methodBuilder(visitUnknown)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc("JSON that matches no variant the spec lists, a variant newer than the spec perhaps.\n")
        .returns(result)
        .addParameter(JavaTypes.nullable(ClassName.OBJECT), "json")
        .build()));
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("accept")
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addTypeVariable(result)
        .addJavadoc("Calls the visitor's method for the variant this holds and returns what it gives back.\n")
        .returns(result)
        .addParameter(ParameterizedTypeName.get(visitor, result), "visitor")
        .build()));
    type.addPermittedSubclass(unknown);
    type.addType(TypeSpec.recordBuilder(unknown)
        .addJavadoc("JSON that matches no variant the spec lists, kept as parsed JSON and written back unchanged.\n\n"
            + "@param json the JSON as read: maps, lists, strings, numbers, booleans and nulls\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(union)
        .addSuperinterface(ClassName.get(EmitContext.RUNTIME + ".json", "UnknownVariant"))
        .recordConstructor(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addParameter(JavaTypes.nullable(ClassName.OBJECT), "json")
            .build())
        .addMethod(JavadocTags.complete(acceptMethod(visitor, result, CodeBlock.of("return visitor.$N(json)", visitUnknown))))
        .build());
    type.addType(visitorType.build());
    return type.addType(adapter(model, union, unknown)).build();
  }

  /** A type as its reader knows it from the imports: {@code Card}, {@code List<Pet>}. */
  private static String simpleText(TypeName type) {
    if (type instanceof ClassName name) {
      return name.simpleName();
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      return parameterized.rawType().simpleName() + "<" + String.join(", ",
          parameterized.typeArguments().stream().map(UnionEmitter::simpleText).toList()) + ">";
    }
    return type.toString();
  }

  /** The static factory of a variant: {@code ofCard}. */
  static String factoryName(UnionModel.Variant variant) {
    return "of" + variant.label();
  }

  private static MethodSpec acceptMethod(ClassName visitor, TypeVariableName result, CodeBlock body) {
    return MethodSpec.methodBuilder("accept")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(result)
        .returns(result)
        .addParameter(ParameterizedTypeName.get(visitor, result), "visitor")
        .addStatement(body)
        .build();
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
      adapter.addField(JavadocTags.field(FieldSpec.builder(ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, types.boxed(variant.type())), field,
          Modifier.PRIVATE, Modifier.FINAL).build()));
      constructor.addStatement("this.$N = moshi.adapter($L)", field, types.reflectType(variant.type()));
      adapters.add(i == 0 ? "$N" : ", $N", field);
      kinds.add(i == 0 ? "$T.$L" : ", $T.$L", EmitContext.VALUE_KIND, types.valueKind(variant.type()));
    }
    TypeName adapterList = ParameterizedTypeName.get(ClassName.get(List.class),
        ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, WildcardTypeName.subtypeOf(Object.class)));
    adapter.addField(JavadocTags.field(FieldSpec.builder(adapterList, "variants", Modifier.PRIVATE, Modifier.FINAL).build()));
    constructor.addStatement("this.variants = $T.of($L)", List.class, adapters.build());
    adapter.addField(JavadocTags.field(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), EmitContext.VALUE_KIND),
            "KINDS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class, kinds.build())
        .build()));
    adapter.addMethod(JavadocTags.complete(constructor.build()));

    MethodSpec.Builder fromJson = MethodSpec.methodBuilder("fromJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(union)
        .addParameter(EmitContext.JSON_READER, "reader")
        .addException(IOException.class)
        .addStatement("$T json = $T.readJsonValue(reader)", JavaTypes.nullable(ClassName.OBJECT),
            EmitContext.BULWARK_JSON);
    List<Integer> untagged = new java.util.ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      UnionModel.TagSource source = variants.get(i).tagSource();
      if (source == UnionModel.TagSource.COMPONENT_NAME || source == UnionModel.TagSource.NONE) {
        untagged.add(i);
      }
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
      fromJson.beginControlFlow("if (tag != null)");
      if (untagged.isEmpty()) {
        // A tag the spec does not list is a variant newer than the spec: kept as it came, not guessed at.
        fromJson.addStatement("return new $T(json)", unknown);
      } else {
        // The variants the spec gives no tag of their own may still be this one (servers rarely send the
        // component name OpenAPI implies); the others are not guessed at.
        adapter.addField(JavadocTags.field(FieldSpec.builder(ParameterizedTypeName.get(List.class, Integer.class), "UNTAGGED",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", List.class, untagged.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")))
            .build()));
        fromJson.addStatement("return variant($T.chooseVariant(json, variants, KINDS, UNTAGGED), json)",
            EmitContext.BULWARK_JSON);
      }
      fromJson.endControlFlow().endControlFlow();
    });
    fromJson.addStatement("return variant($T.chooseVariant(json, variants, KINDS), json)", EmitContext.BULWARK_JSON);
    adapter.addMethod(JavadocTags.complete(fromJson.build()));

    MethodSpec.Builder choose = MethodSpec.methodBuilder("variant")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(JavaTypes.nullable(UNION_CHOICE), "choice")
        .addParameter(JavaTypes.nullable(ClassName.OBJECT), "json");
    if (variants.stream().anyMatch(v -> JavaTypes.isParameterized(v.type()))) {
      choose.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked")
          .build());
    }
    choose.beginControlFlow("if (choice == null)")
        .addStatement("return new $T(json)", unknown)
        .endControlFlow()
        .beginControlFlow("switch (choice.index())");
    for (int i = 0; i < variants.size(); i++) {
      TypeName variantType = types.boxed(variants.get(i).type());
      ClassName record = union.nestedClass(variants.get(i).javaName());
      choose.addCode("case $L:\n$>", i)
          .addCode(variantType.equals(ClassName.OBJECT)
              ? CodeBlock.of("return new $T(choice.value());\n", record)
              : CodeBlock.of("return new $T(($T) choice.value());\n", record, variantType))
          .addCode("$<");
    }
    choose.addCode("default:\n$>").addStatement("return new $T(json)", unknown).addCode("$<").endControlFlow();
    adapter.addMethod(JavadocTags.complete(choose.build()));

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
    return adapter.addMethod(JavadocTags.complete(toJson.build())).build();
  }
}
