package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.naming.UniqueNames;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits the result type of an operation whose success statuses declare different bodies: a sealed interface with one
 * record per status ({@code Created}, {@code Accepted}), so that Java pattern matching and Kotlin {@code when} cover
 * every case.
 */
final class ResultEmitter {
  private static final Map<String, String> NAMES = Map.of(
      "200", "Ok", "201", "Created", "202", "Accepted", "203", "NonAuthoritative", "206", "PartialContent",
      "207", "MultiStatus", "2XX", "Success");

  private final EmitContext context;
  private final JavaTypes types;

  ResultEmitter(EmitContext context, JavaTypes types) {
    this.context = context;
    this.types = types;
  }

  static ClassName resultClass(EmitContext context, OperationModel operation) {
    return context.serviceClass(operation.resultClassName());
  }

  /** The non-null body as the variant's type; no cast where that type is {@code Object}. */
  private static com.palantir.javapoet.CodeBlock castBody(TypeName type, String missing) {
    return type.equals(ClassName.OBJECT)
        ? com.palantir.javapoet.CodeBlock.of("$T.requireNonNull(body, $S)", java.util.Objects.class, missing)
        : com.palantir.javapoet.CodeBlock.of("($T) $T.requireNonNull(body, $S)", type, java.util.Objects.class,
            missing);
  }

  TypeSpec emit(OperationModel operation) {
    ClassName result = resultClass(context, operation);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(result)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addAnnotation(EmitContext.nullMarked())
        .addJavadoc("The result of {@code $L}: its success statuses return different bodies, one record each.\n",
            operation.methodName())
        .addMethod(JavadocTags.complete(MethodSpec.methodBuilder("statusCode")
            .addJavadoc("The HTTP status the server answered with.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(TypeName.INT)
            .build()));
    MethodSpec.Builder of = MethodSpec.methodBuilder("of")
        .addJavadoc("The variant for a status and its parsed body; for the generated service.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(result)
        .addParameter(TypeName.INT, "status")
        .addParameter(JavaTypes.nullable(ClassName.OBJECT), "body");
    if (operation.successVariants().stream().anyMatch(v -> JavaTypes.isParameterized(v.type()))) {
      // The runtime parsed the body as this status's declared type; the cast to a parameterized type is safe.
      of.addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "unchecked").build());
    }
    UniqueNames names = new UniqueNames();
    String rangeVariant = null;
    for (OperationModel.SuccessVariant variant : operation.successVariants()) {
      String name = names.claim(NAMES.getOrDefault(variant.status(), "Status" + variant.status()));
      ClassName record = result.nestedClass(name);
      TypeName body = types.boxed(variant.type());
      type.addPermittedSubclass(record);
      type.addType(TypeSpec.recordBuilder(record)
          .addJavadoc("HTTP $L.\n\n@param body the response body\n", context.docs().plain(variant.status()))
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addSuperinterface(result)
          .recordConstructor(MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addParameter(body, "body")
              .build())
          .addMethod(JavadocTags.complete(MethodSpec.methodBuilder("statusCode")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(TypeName.INT)
              .addStatement(variant.status().equals("2XX") ? "return 200" : "return $L", variant.status())
              .build()))
          .build());
      if (variant.status().equals("2XX")) {
        rangeVariant = name;
        continue;
      }
      of.beginControlFlow("if (status == $L)", variant.status())
          .addStatement("return new $T($L)", record, castBody(body, "HTTP " + variant.status() + " came without a body"))
          .endControlFlow();
    }
    if (rangeVariant != null) {
      TypeName body = types.boxed(operation.successVariants().stream()
          .filter(v -> v.status().equals("2XX")).findFirst().orElseThrow().type());
      of.addStatement("return new $T($L)", result.nestedClass(rangeVariant),
          castBody(body, "the response came without a body"));
    } else {
      of.addStatement("throw new $T($S + status)", IllegalStateException.class,
          "the spec declares no body for HTTP ");
    }
    return type.addMethod(JavadocTags.complete(of.build())).build();
  }
}
