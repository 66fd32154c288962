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
import java.io.IOException;
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

  private final EmitContext context;
  private final JavaTypes types;

  AdapterEmitter(EmitContext context, JavaTypes types) {
    this.context = context;
    this.types = types;
  }

  TypeSpec emit(ObjectModel model) {
    ClassName modelClass = context.modelClass(model.name());
    List<PropertyModel> properties = model.properties();
    TypeSpec.Builder type = adapterClass(modelClass);

    CodeBlock.Builder names = CodeBlock.builder();
    for (int i = 0; i < properties.size(); i++) {
      names.add(i == 0 ? "$S" : ", $S", properties.get(i).jsonName());
    }
    type.addField(FieldSpec.builder(EmitContext.JSON_READER.nestedClass("Options"), "NAMES",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", EmitContext.JSON_READER.nestedClass("Options"), names.build())
        .build());

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameter(EmitContext.MOSHI, "moshi");
    for (PropertyModel property : properties) {
      String field = adapterField(property);
      type.addField(ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, types.boxed(property.type())), field,
          Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$N = moshi.adapter($L)", field, types.reflectType(property.type()));
    }
    type.addMethod(constructor.build());
    type.addMethod(fromJson(modelClass, properties));
    type.addMethod(toJson(modelClass, properties));
    return type.build();
  }

  TypeSpec emit(EnumModel model) {
    ClassName enumClass = context.modelClass(model.name());
    return adapterClass(enumClass)
        .addMethod(MethodSpec.methodBuilder("fromJson")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(enumClass)
            .addParameter(EmitContext.JSON_READER, "reader")
            .addException(IOException.class)
            .addStatement("return $T.of($L)", enumClass, model.integer() ? "reader.nextLong()" : "reader.nextString()")
            .build())
        .addMethod(MethodSpec.methodBuilder("toJson")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(EmitContext.JSON_WRITER, "writer")
            .addParameter(JavaTypes.nullable(enumClass), "value")
            .addException(IOException.class)
            .beginControlFlow("if (value == null)")
            .addStatement("writer.nullValue()")
            .addStatement("return")
            .endControlFlow()
            .addStatement("writer.value(value.getValue())")
            .build())
        .build();
  }

  /** The adapter class nested in {@code target}, without its members. */
  static TypeSpec.Builder adapterClass(ClassName target, Modifier... modifiers) {
    return TypeSpec.classBuilder(target.nestedClass(ADAPTER_NAME))
        .addJavadoc("Reads and writes {@link $T} as JSON; registered by {@code $L}.\n", target,
            AdapterFactoryEmitter.FACTORY_NAME)
        .addModifiers(modifiers)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, target));
  }

  private static String adapterField(PropertyModel property) {
    return property.javaName() + "Adapter";
  }

  private MethodSpec fromJson(ClassName modelClass, List<PropertyModel> properties) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("fromJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(modelClass)
        .addParameter(EmitContext.JSON_READER, "reader")
        .addException(IOException.class)
        .addStatement("$T builder = $T.builder()", modelClass.nestedClass("Builder"), modelClass)
        .addStatement("$T problems = new $T()", JSON_PROBLEMS, JSON_PROBLEMS)
        .addStatement("reader.beginObject()")
        .beginControlFlow("while (reader.hasNext())")
        .beginControlFlow("switch (reader.selectName(NAMES))");
    for (int i = 0; i < properties.size(); i++) {
      PropertyModel property = properties.get(i);
      method.addCode("case $L:\n", i).addCode("$>");
      method.addStatement("builder.$N = $T.readProperty(reader, $N, $T.$L, $S, problems)", property.javaName(),
          EmitContext.BULWARK_JSON, adapterField(property), EmitContext.VALUE_KIND, types.valueKind(property.type()),
          property.jsonName());
      if (property.nullable() && !property.required()) {
        method.addStatement("builder.$N = true", property.javaName() + "Present");
      }
      method.addStatement("break").addCode("$<");
    }
    return method.addCode("default:\n$>")
        .addStatement("builder.additionalProperties.put(reader.nextName(), reader.readJsonValue())")
        .addCode("$<")
        .endControlFlow()
        .endControlFlow()
        .addStatement("reader.endObject()")
        .addStatement("builder.additionalProperties.putAll(problems.rawValues())")
        .addStatement("builder.parseProblems = problems.messages()")
        .addStatement("return builder.buildLenient()")
        .build();
  }

  private static MethodSpec toJson(ClassName modelClass, List<PropertyModel> properties) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(EmitContext.JSON_WRITER, "writer")
        .addParameter(JavaTypes.nullable(modelClass), "value")
        .addException(IOException.class)
        .beginControlFlow("if (value == null)")
        .addStatement("writer.nullValue()")
        .addStatement("return")
        .endControlFlow()
        .addStatement("writer.beginObject()");
    for (PropertyModel property : properties) {
      String field = property.javaName();
      boolean explicitNull = property.nullable();
      if (property.nullable() && !property.required()) {
        method.beginControlFlow("if (value.$N)", field + "Present");
      } else if (!property.nullable()) {
        method.beginControlFlow("if (value.$N != null)", field);
      }
      method.addStatement("writer.name($S)", property.jsonName());
      if (explicitNull) {
        method.beginControlFlow("if (value.$N == null)", field)
            .addStatement("$T.writeNull(writer)", EmitContext.BULWARK_JSON)
            .nextControlFlow("else")
            .addStatement("$N.toJson(writer, value.$N)", adapterField(property), field)
            .endControlFlow();
      } else {
        method.addStatement("$N.toJson(writer, value.$N)", adapterField(property), field);
      }
      if (!(property.nullable() && property.required())) {
        method.endControlFlow();
      }
    }
    return method
        .beginControlFlow("for ($T<$T, $T> property : value.additionalProperties.entrySet())", Map.Entry.class,
            String.class, JavaTypes.nullable(ClassName.OBJECT))
        .addStatement("writer.name(property.getKey())")
        .addStatement("$T.writeRaw(writer, property.getValue())", EmitContext.BULWARK_JSON)
        .endControlFlow()
        .addStatement("writer.endObject()")
        .build();
  }
}
