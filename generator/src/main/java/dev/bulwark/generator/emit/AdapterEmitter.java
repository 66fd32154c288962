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
import javax.lang.model.element.Modifier;

/**
 * Emits one Moshi {@code JsonAdapter} per model, reading and writing fields by name without reflection. Unknown JSON
 * properties are skipped; a required property that is missing or null fails with its JSON path.
 */
final class AdapterEmitter {
  private final EmitContext context;
  private final JavaTypes types;

  AdapterEmitter(EmitContext context, JavaTypes types) {
    this.context = context;
    this.types = types;
  }

  static String adapterName(String modelName) {
    return modelName + "JsonAdapter";
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
    String read = model.integer() ? "reader.nextLong()" : "reader.nextString()";
    return adapterClass(enumClass)
        .addMethod(MethodSpec.methodBuilder("fromJson")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(enumClass)
            .addParameter(EmitContext.JSON_READER, "reader")
            .addException(IOException.class)
            .addStatement("String path = reader.getPath()")
            .addStatement("$T value = $L", model.integer() ? TypeName.LONG : TypeName.get(String.class), read)
            .beginControlFlow("try")
            .addStatement("return $T.fromValue(value)", enumClass)
            .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
            .addStatement("throw new $T(e.getMessage() + \" at path \" + path, e)", EmitContext.JSON_DATA_EXCEPTION)
            .endControlFlow()
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

  private TypeSpec.Builder adapterClass(ClassName target) {
    return TypeSpec.classBuilder(context.modelClass(adapterName(target.simpleName())))
        .addJavadoc("Reads and writes {@link $T} as JSON.\n", target)
        .addModifiers(Modifier.FINAL)
        .addAnnotation(EmitContext.nullMarked())
        .superclass(ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, target));
  }

  private static String adapterField(PropertyModel property) {
    return property.javaName() + "Adapter";
  }

  private static MethodSpec fromJson(ClassName modelClass, List<PropertyModel> properties) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("fromJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(modelClass)
        .addParameter(EmitContext.JSON_READER, "reader")
        .addException(IOException.class)
        .addStatement("$T builder = $T.builder()", modelClass.nestedClass("Builder"), modelClass)
        .addStatement("reader.beginObject()")
        .beginControlFlow("while (reader.hasNext())")
        .beginControlFlow("switch (reader.selectName(NAMES))");
    for (int i = 0; i < properties.size(); i++) {
      PropertyModel property = properties.get(i);
      method.addCode("case $L:\n", i).addCode("$>");
      if (property.alwaysPresent()) {
        method.addStatement("builder.$N($T.requireValue($N.fromJson(reader), $S, reader))",
            property.javaName(), EmitContext.BULWARK_JSON, adapterField(property), property.jsonName());
      } else {
        method.addStatement("builder.$N($N.fromJson(reader))", property.javaName(), adapterField(property));
      }
      method.addStatement("break").addCode("$<");
    }
    method.addCode("default:\n$>")
        .addStatement("reader.skipName()")
        .addStatement("reader.skipValue()")
        .addCode("$<")
        .endControlFlow()
        .endControlFlow()
        .addStatement("reader.endObject()")
        .beginControlFlow("try")
        .addStatement("return builder.build()")
        .nextControlFlow("catch ($T e)", IllegalStateException.class)
        .addStatement("throw new $T(e.getMessage() + \" at path \" + reader.getPath(), e)",
            EmitContext.JSON_DATA_EXCEPTION)
        .endControlFlow();
    return method.build();
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
      String getter = "get" + dev.bulwark.generator.naming.Names.capitalize(property.javaName());
      boolean writeAlways = property.required();
      if (!writeAlways) {
        method.beginControlFlow("if (value.$N() != null)", getter);
      }
      method.addStatement("writer.name($S)", property.jsonName())
          .addStatement("$N.toJson(writer, value.$N())", adapterField(property), getter);
      if (!writeAlways) {
        method.endControlFlow();
      }
    }
    return method.addStatement("writer.endObject()").build();
  }
}
