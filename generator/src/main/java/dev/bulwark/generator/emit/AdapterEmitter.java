package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.EnumModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.naming.Names;
import dev.bulwark.generator.naming.UniqueNames;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits the Moshi adapter of a model, as a class nested in the model ({@code Pet.Json}) so that it can fill the
 * builder directly: reads are lenient (a value of the wrong type is set aside, a missing required property is left
 * for {@code validate()}), unknown properties are kept, and writing gives back what was read.
 */
final class AdapterEmitter {
  static final String ADAPTER_NAME = "Json";
  private static final ClassName JSON_PROBLEMS = ClassName.get(EmitContext.RUNTIME + ".json", "JsonProblems");
  private static final ClassName OBJECT_ADAPTER = ClassName.get(EmitContext.RUNTIME + ".json", "ObjectAdapter");

  private final EmitContext context;
  private final JavaTypes types;

  AdapterEmitter(EmitContext context, JavaTypes types) {
    this.context = context;
    this.types = types;
  }

  TypeSpec emit(ObjectModel model) {
    ClassName modelClass = context.modelClass(model.name());
    ClassName builderClass = modelClass.nestedClass("Builder");
    List<PropertyModel> properties = model.properties();
    TypeSpec.Builder type = adapterClass(modelClass,
        ParameterizedTypeName.get(OBJECT_ADAPTER, modelClass, builderClass));

    CodeBlock.Builder names = CodeBlock.builder();
    for (PropertyModel property : properties) {
      names.add(", $S", property.jsonName());
    }
    // One adapter per distinct type: properties of the same type share it.
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(EmitContext.MOSHI, "moshi")
        .addStatement("super($T::new, $T::new$L)", builderClass, modelClass, names.build());
    Map<TypeName, String> adapterFields = new HashMap<>();
    UniqueNames fieldNames = new UniqueNames();
    Map<String, String> adapterOf = new HashMap<>();
    for (PropertyModel property : properties) {
      TypeName boxed = types.boxed(property.type());
      String field = adapterFields.computeIfAbsent(boxed, key -> {
        String name = fieldNames.claim(adapterName(key));
        type.addField(JavadocTags.field(FieldSpec.builder(ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, key), name, Modifier.PRIVATE,
            Modifier.FINAL).build()));
        constructor.addStatement("this.$N = moshi.adapter($L)", name, types.reflectType(property.type()));
        return name;
      });
      adapterOf.put(property.javaName(), field);
    }
    type.addMethod(JavadocTags.complete(constructor.build()));
    type.addMethod(JavadocTags.complete(read(builderClass, properties, adapterOf)));
    type.addMethod(JavadocTags.complete(write(modelClass, properties, adapterOf)));
    return type.build();
  }

  /** {@code stringAdapter}, {@code listOfPetAdapter}, {@code mapOfStringListOfTagAdapter}: named by the type. */
  private static String adapterName(TypeName type) {
    return Names.decapitalize(typeWords(type.withoutAnnotations())) + "Adapter";
  }

  private static String typeWords(TypeName type) {
    if (type instanceof ParameterizedTypeName parameterized) {
      StringBuilder words = new StringBuilder(parameterized.rawType().simpleName()).append("Of");
      parameterized.typeArguments().forEach(argument -> words.append(typeWords(argument.withoutAnnotations())));
      return words.toString();
    }
    if (type instanceof ClassName className) {
      return className.simpleName();
    }
    return "Value";
  }

  TypeSpec emit(EnumModel model) {
    ClassName enumClass = context.modelClass(model.name());
    return adapterClass(enumClass, ParameterizedTypeName.get(
            EmitContext.OPEN_ENUM.nestedClass(model.integer() ? "LongAdapter" : "StringAdapter"), enumClass))
        .addMethod(JavadocTags.complete(MethodSpec.constructorBuilder().addStatement("super($T::of)", enumClass).build()))
        .build();
  }

  /** The adapter class nested in {@code target}, without its members. */
  static TypeSpec.Builder adapterClass(ClassName target, TypeName superclass, Modifier... modifiers) {
    return TypeSpec.classBuilder(target.nestedClass(ADAPTER_NAME))
        .addJavadoc("Reads and writes {@link $T} as JSON; registered by {@code $L}.\n", target,
            AdapterFactoryEmitter.FACTORY_NAME)
        .addModifiers(modifiers)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .superclass(superclass);
  }

  private MethodSpec read(ClassName builderClass, List<PropertyModel> properties, Map<String, String> adapterOf) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(TypeName.INT, "index")
        .addParameter(builderClass, "builder")
        .addParameter(EmitContext.JSON_READER, "reader")
        .addParameter(JSON_PROBLEMS, "problems")
        .addException(IOException.class);
    if (properties.isEmpty()) {
      return method.build();
    }
    method.beginControlFlow("switch (index)");
    for (int i = 0; i < properties.size(); i++) {
      PropertyModel property = properties.get(i);
      CodeBlock read = CodeBlock.of("builder.$N = $T.readProperty(reader, $N, $T.$L, $S, problems)",
          property.javaName(), EmitContext.BULWARK_JSON, adapterOf.get(property.javaName()), EmitContext.VALUE_KIND,
          types.valueKind(property.type()), property.jsonName());
      if (property.nullable() && !property.required()) {
        method.beginControlFlow("case $L ->", i)
            .addStatement("$L", read)
            .addStatement("builder.$N = true", property.javaName() + "Present")
            .endControlFlow();
      } else {
        method.addStatement("case $L -> $L", i, read);
      }
    }
    return method.endControlFlow().build();
  }

  private static MethodSpec write(ClassName modelClass, List<PropertyModel> properties,
      Map<String, String> adapterOf) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("write")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(EmitContext.JSON_WRITER, "writer")
        .addParameter(modelClass, "value")
        .addException(IOException.class);
    for (PropertyModel property : properties) {
      String field = property.javaName();
      String adapter = adapterOf.get(field);
      if (!property.nullable()) {
        method.addStatement("$T.writeProperty(writer, $S, $N, value.$N)", EmitContext.BULWARK_JSON,
            property.jsonName(), adapter, field);
      } else {
        // A nullable property is written as an explicit null when required, or when it was given as null.
        method.addStatement("$T.writeNullableProperty(writer, $S, $N, value.$N, $L)", EmitContext.BULWARK_JSON,
            property.jsonName(), adapter, field, property.required() ? "true" : "value." + field + "Present");
      }
    }
    return method.build();
  }

}
