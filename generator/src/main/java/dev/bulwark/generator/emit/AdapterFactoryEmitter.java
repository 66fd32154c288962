package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.bulwark.generator.model.EnumModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.UnionModel;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Emits the one {@code JsonAdapter.Factory} that registers every generated adapter with Moshi. */
final class AdapterFactoryEmitter {
  static final String FACTORY_NAME = "ModelJsonAdapters";
  /** Types per lookup method, keeping each method far below the JVM's 64 KiB method size limit for huge specs. */
  private static final int CHUNK = 200;

  private final EmitContext context;

  AdapterFactoryEmitter(EmitContext context) {
    this.context = context;
  }

  TypeSpec emit(List<TypeModel> models) {
    TypeName adapterType = ParameterizedTypeName.get(EmitContext.JSON_ADAPTER, WildcardTypeName.subtypeOf(Object.class));
    TypeName nullableAdapter = JavaTypes.nullable(adapterType);
    TypeName annotations = ParameterizedTypeName.get(
        ClassName.get(Set.class), WildcardTypeName.subtypeOf(Annotation.class));
    TypeSpec.Builder type = TypeSpec.classBuilder(context.modelClass(FACTORY_NAME))
        .addJavadoc("Registers the JSON adapter of every model; add it to a {@code Moshi.Builder} to read and write"
            + " the models.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(EmitContext.nullMarked())
        .addSuperinterface(EmitContext.JSON_ADAPTER.nestedClass("Factory"))
        // Models are used without the client too (a Moshi of the application's own): they check the runtime as well.
        .addStaticBlock(CodeBlock.of("$T.check($S, $S);\n", EmitContext.RUNTIME_VERSION, context.generatorVersion(),
            context.modelPackage() + "." + FACTORY_NAME));

    MethodSpec.Builder create = MethodSpec.methodBuilder("create")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(nullableAdapter)
        .addParameter(Type.class, "type")
        .addParameter(annotations, "annotations")
        .addParameter(EmitContext.MOSHI, "moshi")
        .beginControlFlow("if (!annotations.isEmpty())")
        .addStatement("return null")
        .endControlFlow();
    int chunks = (models.size() + CHUNK - 1) / CHUNK;
    if (chunks == 0) {
      create.addStatement("return null");
    }
    for (int chunk = 0; chunk < chunks; chunk++) {
      String name = "create" + chunk;
      if (chunk == 0) {
        create.addStatement("$T adapter = $N(type, moshi)", nullableAdapter, name);
      } else {
        create.beginControlFlow("if (adapter == null)")
            .addStatement("adapter = $N(type, moshi)", name)
            .endControlFlow();
      }
      MethodSpec.Builder lookup = MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(nullableAdapter)
          .addParameter(Type.class, "type")
          .addParameter(EmitContext.MOSHI, "moshi");
      for (TypeModel model : models.subList(chunk * CHUNK, Math.min(models.size(), (chunk + 1) * CHUNK))) {
        ClassName modelClass = context.modelClass(model.name());
        CodeBlock.Builder condition = CodeBlock.builder().add("type == $T.class", modelClass);
        if (model instanceof UnionModel union) {
          // A variant's record is written by the union's adapter, as the union's JSON: a value met by its runtime
          // class (a query parameter, a multipart part) is then never written as the record {"value": ...}.
          for (UnionModel.Variant variant : union.variants()) {
            condition.add(" || type == $T.class", modelClass.nestedClass(variant.javaName()));
          }
        }
        lookup.beginControlFlow("if ($L)", condition.build())
            .addStatement(model instanceof EnumModel ? "return new $T().nullSafe()" : "return new $T(moshi).nullSafe()",
                context.modelClass(model.name()).nestedClass(AdapterEmitter.ADAPTER_NAME))
            .endControlFlow();
      }
      type.addMethod(JavadocTags.complete(lookup.addStatement("return null").build()));
    }
    if (chunks > 0) {
      create.addStatement("return adapter");
    }
    return type.addMethod(JavadocTags.complete(create.build())).build();
  }
}
