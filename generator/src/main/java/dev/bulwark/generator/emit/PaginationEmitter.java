package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.PaginationModel;
import dev.bulwark.generator.model.PaginationModel.Accessor;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.naming.Names;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * Emits the paged form of a list operation: a {@code Pagination} constant whose accessors walk the response's
 * generated getters (no JSON pointers at run time), and {@code <op>Pages} methods returning a {@code Page}.
 */
final class PaginationEmitter {
  static final ClassName PAGINATION = ClassName.get(EmitContext.RUNTIME + ".paging", "Pagination");
  static final ClassName PAGE = ClassName.get(EmitContext.RUNTIME + ".paging", "Page");

  private final EmitContext context;
  private final JavaTypes types;

  PaginationEmitter(EmitContext context, JavaTypes types) {
    this.context = context;
    this.types = types;
  }

  void emit(TypeSpec.Builder service, ClassName serviceClass, OperationModel operation, PaginationModel pagination, String constant,
      CodeBlock responseType, String requestMethod) {
    TypeName body = types.boxed(operation.responseType().orElseThrow());
    TypeName item = types.boxed(pagination.itemType());
    String helperBase = pagination.methodName();
    service.addMethod(JavadocTags.complete(accessor(helperBase + "Items", body, pagination.items(),
        ParameterizedTypeName.get(ClassName.get(List.class), item))));
    CodeBlock items = CodeBlock.of("$T::$N", serviceClass, helperBase + "Items");
    pagination.next().ifPresent(next ->
        service.addMethod(JavadocTags.complete(accessor(helperBase + "Next", body, next, ClassName.OBJECT))));
    CodeBlock next = CodeBlock.of("$T::$N", serviceClass, helperBase + "Next");
    CodeBlock.Builder init = switch (pagination.style()) {
      case CURSOR -> CodeBlock.builder().add("$T.cursor($S, $L, $L)", PAGINATION, pagination.parameter(), items, next);
      case OFFSET -> CodeBlock.builder().add("$T.offset($S, $L, $L)", PAGINATION, pagination.parameter(),
          pagination.limitParameter().map(limit -> CodeBlock.of("$S", limit)).orElse(CodeBlock.of("null")), items);
      case PAGE_NUMBER -> CodeBlock.builder().add("$T.pageNumber($S, $LL, $L)", PAGINATION, pagination.parameter(),
          pagination.firstPage(), items);
      case LINK_HEADER -> CodeBlock.builder().add("$T.linkHeader($L)", PAGINATION, items);
      case NEXT_URL -> CodeBlock.builder().add("$T.nextUrl($L, $L)", PAGINATION, items, next);
    };
    pagination.hasMore().ifPresent(hasMore -> {
      service.addMethod(JavadocTags.complete(accessor(helperBase + "HasMore", body, hasMore, ClassName.get(Boolean.class))));
      init.add("$>$>\n.hasMore($T::$N)$<$<", serviceClass, helperBase + "HasMore");
    });
    TypeName paginationType = ParameterizedTypeName.get(PAGINATION, body, item);
    service.addField(JavadocTags.field(FieldSpec.builder(paginationType, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init.build())
        .build()));

    ClassName params = context.serviceClass(operation.paramsClassName());
    TypeName page = ParameterizedTypeName.get(PAGE, item);
    String doc = ServiceEmitter.methodDoc(context.docs(), operation)
        + "<p>Returns the first page; {@code autoPager()} on it walks every item, fetching pages as needed.\n\n";
    service.addMethod(JavadocTags.complete(ServiceEmitter.publicMethod(pagination.methodName(), doc, operation, page)
        .addJavadoc("@param params the operation's parameters; the page parameter, if set, says where to start\n")
        .addJavadoc("@param options overrides for every page's call\n")
        .addJavadoc("@return the first page\n@throws $T if the call fails\n", EmitContext.BULWARK_EXCEPTION)
        .addParameter(params, "params")
        .addParameter(EmitContext.REQUEST_OPTIONS, "options")
        .addStatement("return $T.fetch(runtime, $N(params, options), $L, $N)", PAGE, requestMethod, responseType,
            constant)
        .build()));
    service.addMethod(JavadocTags.complete(ServiceEmitter.withoutOptions(context.docs(), pagination.methodName(), operation, page, params)));
    service.addMethod(JavadocTags.complete(ServiceEmitter.publicMethod(pagination.methodName() + "Async", doc, operation,
            ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), page))
        .addJavadoc("<p>Asynchronous; {@code autoPager().forEachAsync(...)} on the page walks the rest the same way."
            + "\n\n")
        .addJavadoc("@param params the operation's parameters\n@param options overrides for every page's call\n")
        .addJavadoc("@return a future of the first page; it fails with a {@link $T}\n", EmitContext.BULWARK_EXCEPTION)
        .addParameter(params, "params")
        .addParameter(EmitContext.REQUEST_OPTIONS, "options")
        .addStatement("return $T.fetchAsync(runtime, $N(params, options), $L, $N)", PAGE, requestMethod,
            responseType, constant)
        .build()));
  }

  /** A null-safe walk down the getters of an accessor's path; an empty path is the body itself. */
  private MethodSpec accessor(String name, TypeName body, Accessor accessor, TypeName result) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(JavaTypes.nullable(result))
        .addParameter(body, "body");
    List<PropertyModel> path = accessor.path();
    if (path.isEmpty()) {
      return method.addStatement("return body").build();
    }
    String current = "body";
    for (int i = 0; i < path.size() - 1; i++) {
      PropertyModel step = path.get(i);
      String variable = "step" + i;
      method.addStatement("$T $N = $N.$N()", JavaTypes.nullable(types.boxed(step.type())), variable, current,
          getter(step));
      method.beginControlFlow("if ($N == null)", variable).addStatement("return null").endControlFlow();
      current = variable;
    }
    return method.addStatement("return $N.$N()", current, getter(path.get(path.size() - 1))).build();
  }

  private static String getter(PropertyModel property) {
    return "get" + Names.capitalize(property.javaName());
  }
}
