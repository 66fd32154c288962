package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.BodyModel;
import dev.bulwark.generator.model.ErrorModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.ParameterModel;
import dev.bulwark.generator.model.ServiceModel;
import dev.bulwark.generator.model.StreamModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.naming.Names;
import dev.bulwark.generator.naming.UniqueNames;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * Emits a service class (one method per operation, each handing an {@code ApiRequest} to the runtime) and the
 * parameter class of each of its operations.
 */
final class ServiceEmitter {
  private static final ClassName BINARY_RESPONSE = ClassName.get(EmitContext.RUNTIME, "BinaryResponse");
  private final EmitContext context;
  private final JavaTypes types;
  private final ValueClassEmitter valueClasses = new ValueClassEmitter();

  ServiceEmitter(EmitContext context, JavaTypes types) {
    this.context = context;
    this.types = types;
  }

  /** The parameter class of one operation: path, query, header and cookie parameters and the body. */
  TypeSpec emitParams(ServiceModel service, OperationModel operation) {
    List<ValueClassEmitter.ValueField> fields = new ArrayList<>();
    for (ParameterModel parameter : operation.parameters()) {
      CodeBlock initialValue = parameter.fixedValue().flatMap(value -> types.literal(parameter.type(), value))
          .orElse(CodeBlock.of(""));
      String doc = EmitContext.appendSentence(docs().markdown(parameter.description()), Names.capitalize(
          parameter.location().name().toLowerCase(java.util.Locale.ROOT)) + " parameter "
          + docs().code(parameter.name()) + (parameter.required() ? ", required." : ".")
          + parameter.defaultValue().map(value -> " " + EmitContext.defaultDoc(docs(), value)).orElse("")
          + parameter.fixedValue().filter(value -> !initialValue.isEmpty())
              .map(value -> " " + types.initialValueDoc(parameter.type(), value)).orElse(""));
      TypeName type = types.forValue(parameter.type(), parameter.required());
      fields.add(new ValueClassEmitter.ValueField(
          parameter.javaName(),
          type,
          type,
          JavaTypes.nullable(types.boxed(parameter.type())),
          parameter.required(),
          "",
          false,
          false,
          doc,
          parameter.deprecated(),
          parameter.required(),
          initialValue)
          .withVariantSetters(types.variantSetters(parameter.type()))
          .withSensitive(parameter.sensitive()));
    }
    operation.body().filter(ServiceEmitter::isMultipart).ifPresent(body -> {
      for (BodyModel.Part part : body.parts()) {
        TypeName type = types.forValue(part.type(), part.required());
        fields.add(new ValueClassEmitter.ValueField(part.javaName(), type, type,
            JavaTypes.nullable(types.boxed(part.type())), part.required(), "", false, false,
            EmitContext.appendSentence(docs().markdown(part.description()), "Multipart part "
                + docs().code(part.name()) + (part.required() ? ", required." : ".")), false));
      }
    });
    operation.body().filter(body -> !isMultipart(body)).ifPresent(body -> {
      TypeName type = body.required() ? types.boxed(body.type()) : JavaTypes.nullable(types.boxed(body.type()));
      fields.add(new ValueClassEmitter.ValueField(
          body.javaName(),
          type,
          type,
          JavaTypes.nullable(types.boxed(body.type())),
          body.required(),
          "",
          false,
          false,
          bodyDoc(body),
          false)
          .withVariantSetters(types.variantSetters(body.type())));
    });
    String doc = "The parameters of {@link " + service.className() + "#" + operation.methodName() + "}.";
    return valueClasses.emit(context.serviceClass(operation.paramsClassName()), doc, false, fields);
  }

  /** The body's description, and for a JSON body sent as another JSON type or able to be, which it is. */
  private String bodyDoc(BodyModel body) {
    String doc = body.description().isEmpty() ? "The request body." : docs().markdown(body.description());
    if (!body.kind().equals("JSON") || BodyModel.isPlainJson(body.mediaType()) && body.otherMediaTypes().isEmpty()) {
      return doc;
    }
    String sent = "Sent as " + docs().code(body.mediaType());
    if (body.otherMediaTypes().isEmpty()) {
      return EmitContext.appendSentence(doc, sent + ".");
    }
    return EmitContext.appendSentence(doc, sent + "; the API also takes " + body.otherMediaTypes().stream()
        .map(type -> docs().code(type)).collect(java.util.stream.Collectors.joining(", "))
        + ": to send one, set it as the {@code Content-Type} header in {@code RequestOptions}.");
  }

  TypeSpec emit(ServiceModel service, String clientName) {
    ClassName serviceClass = context.serviceClass(service.className());
    TypeSpec.Builder type = TypeSpec.classBuilder(serviceClass)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(EmitContext.nullMarked())
        .addJavadoc("$L\n", serviceDoc(service, clientName));
    type.addField(JavadocTags.field(FieldSpec.builder(EmitContext.CLIENT_RUNTIME, "runtime", Modifier.PRIVATE, Modifier.FINAL).build()));
    type.addMethod(JavadocTags.complete(MethodSpec.constructorBuilder()
        .addJavadoc("Created by {@code $L.$L()}; there is no need to construct it directly.\n",
            clientName, service.accessorName())
        .addModifiers(Modifier.PUBLIC)
        .addParameter(EmitContext.CLIENT_RUNTIME, "runtime")
        .addStatement("this.runtime = runtime")
        .build()));

    UniqueNames constants = new UniqueNames().reserve("runtime");
    SharedSettings shared = new SharedSettings(service.operations(),
        List.of(ResilienceEmitter.RETRY, ResilienceEmitter.TIMEOUTS, ERROR_ENVELOPE), constants);
    shared.fields().forEach(field -> type.addField(JavadocTags.field(field)));
    java.util.Map<String, CodeBlock> responseTypes = new java.util.HashMap<>();
    for (OperationModel operation : service.operations()) {
      String operationConstant = constants.claim(Names.upperSnake(operation.methodName()));
      type.addField(JavadocTags.field(operationSpecField(operationConstant, operation, shared)));
      CodeBlock bodyType = operation.body()
          .map(body -> typeExpression(type, constants, operationConstant + "_BODY", body.type()))
          .orElse(null);
      CodeBlock responseType = operation.responseType()
          .map(response -> typeExpression(type, constants, operationConstant + "_RESPONSE", response))
          .orElse(null);
      boolean streamOnly = operation.stream().map(StreamModel::only).orElse(false);
      if (!streamOnly) {
        type.addMethod(JavadocTags.complete(operationMethod(operation, responseType)));
        type.addMethod(JavadocTags.complete(paramsMethod(operation)));
        if (positionalFormIsClear(operation)) {
          type.addMethod(JavadocTags.complete(convenienceMethod(operation)));
        }
        type.addMethod(JavadocTags.complete(asyncMethod(operation, responseType, true)));
        type.addMethod(JavadocTags.complete(asyncMethod(operation, responseType, false)));
      }
      CodeBlock formEncodings = operation.body()
          .filter(body -> body.kind().equals("FORM") && !body.fieldEncodings().isEmpty())
          .map(body -> formEncodingsConstant(type, constants.claim(operationConstant + "_FORM"), body))
          .orElse(null);
      type.addMethod(JavadocTags.complete(requestMethod(operation, operationConstant, bodyType, formEncodings)));
      operation.stream().ifPresent(stream ->
          new StreamEmitter(context, types, this).emit(type, operation, stream, requestMethodName(operation)));
      operation.pagination().ifPresent(pagination -> new PaginationEmitter(context, types).emit(type, serviceClass,
          operation, pagination, constants.claim(operationConstant + "_PAGINATION"), responseType,
          requestMethodName(operation)));
      if (responseType != null) {
        responseTypes.put(operation.methodName(), responseType);
      }
    }
    ClassName view = serviceClass.nestedClass("WithRawResponse");
    type.addField(JavadocTags.field(FieldSpec.builder(view, "withRawResponse", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T()", view).build()));
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("withRawResponse")
        .addJavadoc("These operations returning the status and headers beside the body.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(view)
        .addStatement("return withRawResponse")
        .build()));
    type.addType(rawResponseView(serviceClass, service, responseTypes));
    return type.build();
  }

  /** "operations tagged {@code pets}", "operations on {@code /customers}", as the service groups them. */
  static String whatItHolds(JavadocText docs, ServiceModel service) {
    if (!service.tag().isEmpty()) {
      return "operations tagged " + docs.code(service.tag());
    }
    return service.resource().isEmpty() ? "operations on the root path"
        : "operations on " + docs.code("/" + service.resource());
  }

  private String serviceDoc(ServiceModel service, String clientName) {
    String lead = Names.capitalize(whatItHolds(docs(), service)) + ".";
    String description = service.description().isEmpty() ? "" : "\n\n" + docs().paragraph(service.description());
    return lead + description + "\n\n<p>Reached through {@code " + clientName + "." + service.accessorName()
        + "()}. Thread-safe.";
  }

  /** Where the server's error code and message are in an error response, as the spec's extension says. */
  private static final SharedSettings.Kind ERROR_ENVELOPE = new SharedSettings.Kind(EmitContext.ERROR_ENVELOPE,
      "ERROR_ENVELOPE", "error envelope", operation -> operation.errorEnvelope().map(envelope -> CodeBlock.of(
          "new $T($L, $L, $L)", EmitContext.ERROR_ENVELOPE, literal(envelope.code()), literal(envelope.message()),
          literal(envelope.details()))));

  private FieldSpec operationSpecField(String name, OperationModel operation, SharedSettings shared) {
    CodeBlock.Builder initializer = CodeBlock.builder()
        .add("$T.builder($S, $S, $S)$>$>", EmitContext.OPERATION_SPEC,
            operation.operationId(), operation.httpMethod(), operation.path());
    if (!operation.securitySchemes().isEmpty()) {
      CodeBlock.Builder schemes = CodeBlock.builder();
      for (int i = 0; i < operation.securitySchemes().size(); i++) {
        schemes.add(i == 0 ? "$S" : ", $S", operation.securitySchemes().get(i));
      }
      initializer.add("\n.securitySchemes($L)", schemes.build());
    }
    operation.server().ifPresent(server -> initializer.add("\n.server($S)", server));
    initializer.add(ResilienceEmitter.operationSettings(operation, shared));
    for (OperationModel.SuccessVariant variant : operation.successVariants()) {
      initializer.add("\n.successType($S, $L)", variant.status(), types.reflectType(variant.type()));
    }
    for (ErrorModel.DeclaredType declared : operation.errorTypes()) {
      initializer.add("\n.errorType($S, $L)", declared.status(), types.reflectType(declared.type()));
    }
    shared.of(ERROR_ENVELOPE, operation).ifPresent(envelope -> initializer.add("\n.errorEnvelope($L)", envelope));
    initializer.add("\n.build()$<$<");
    return FieldSpec.builder(EmitContext.OPERATION_SPEC, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("What the runtime needs to send {@code $L}: its method, path, credentials and settings.\n",
            operation.methodName())
        .initializer(initializer.build())
        .build();
  }

  private static CodeBlock literal(Optional<String> value) {
    return value.map(v -> CodeBlock.of("$S", v)).orElse(CodeBlock.of("null"));
  }

  /** A constant holding the {@code FormEncoding} of each form field the spec's {@code encoding} object describes. */
  private static CodeBlock formEncodingsConstant(TypeSpec.Builder type, String name, BodyModel body) {
    ClassName formEncoding = ClassName.get(EmitContext.RUNTIME, "FormEncoding");
    ClassName style = ClassName.get(EmitContext.RUNTIME, "ParameterStyle");
    CodeBlock.Builder entries = CodeBlock.builder();
    for (BodyModel.FieldEncoding encoding : body.fieldEncodings()) {
      CodeBlock value = encoding.contentType().isPresent()
          ? CodeBlock.of("$T.contentType($S)", formEncoding, encoding.contentType().get())
          : CodeBlock.of("$T.of($L, $L)", formEncoding, encoding.style()
              .map(fieldStyle -> CodeBlock.of("$T.$L", style, fieldStyle.name())).orElse(CodeBlock.of("null")),
              encoding.explode());
      entries.add(entries.isEmpty() ? "\n$T.entry($S, $L)" : ",\n$T.entry($S, $L)", java.util.Map.class,
          encoding.property(), value);
    }
    type.addField(JavadocTags.field(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(java.util.Map.class),
            ClassName.get(String.class), formEncoding), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.ofEntries($>$L$<)", java.util.Map.class, entries.build())
        .build()));
    return CodeBlock.of("$N", name);
  }

  /** A class literal, or a constant holding a parameterized {@link Type} so that it is built once. */
  private CodeBlock typeExpression(TypeSpec.Builder type, UniqueNames constants, String name, TypeRef ref) {
    if (!JavaTypes.isParameterized(ref)) {
      return types.reflectType(ref);
    }
    String constant = constants.claim(name);
    type.addField(JavadocTags.field(FieldSpec.builder(Type.class, constant, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The generic type {@code $L}, for JSON.\n", types.boxed(ref).withoutAnnotations().toString()
            .replaceAll("[a-z][a-z0-9_]*\\.", ""))
        .initializer(types.reflectType(ref))
        .build()));
    return CodeBlock.of("$N", constant);
  }

  /** The one place a call's {@code ApiRequest} is built, shared by the blocking and asynchronous forms. */
  private MethodSpec requestMethod(OperationModel operation, String operationConstant, CodeBlock bodyType,
      CodeBlock formEncodings) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(requestMethodName(operation))
        .addJavadoc("The request of {@code $L}, built in this one place for its blocking, asynchronous and raw"
            + " forms.\n", operation.methodName())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(EmitContext.API_REQUEST)
        .addParameter(context.serviceClass(operation.paramsClassName()), "params")
        .addParameter(EmitContext.REQUEST_OPTIONS, "options");
    CodeBlock.Builder request = CodeBlock.builder()
        .add("return $T.builder($N)", EmitContext.API_REQUEST, operationConstant);
    if (!operation.accept().isEmpty()) {
      request.add("\n.header($S, $S)", "Accept", operation.accept());
    }
    for (ParameterModel parameter : operation.parameters()) {
      String getter = "get" + Names.capitalize(parameter.javaName());
      String call = switch (parameter.location()) {
        case PATH -> "pathParameter";
        case QUERY -> "queryParameter";
        case HEADER -> "header";
        case COOKIE -> "cookie";
      };
      boolean defaultStyle = switch (parameter.location()) {
        case QUERY -> parameter.style().equals("FORM") && parameter.explode();
        case PATH -> parameter.style().equals("SIMPLE") && !parameter.explode();
        default -> true;
      };
      if (defaultStyle) {
        request.add("\n.$L($S, params.$N())", call, parameter.name(), getter);
      } else {
        request.add("\n.$L($S, params.$N(), $T.$L, $L)", call, parameter.name(), getter,
            ClassName.get(EmitContext.RUNTIME, "ParameterStyle"), parameter.style(), parameter.explode());
      }
    }
    Optional<BodyModel> body = operation.body();
    body.ifPresent(b -> {
      String getter = "get" + Names.capitalize(b.javaName());
      switch (b.kind()) {
        case "FORM" -> request.add("\n.formBody(params.$N(), $L$L)", getter, bodyType,
            formEncodings == null ? "" : CodeBlock.of(", $L", formEncodings));
        case "TEXT" -> request.add("\n.textBody(params.$N(), $S)", getter, b.mediaType());
        case "BINARY" -> request.add("\n.binaryBody(params.$N(), $S)", getter, b.mediaType());
        case "MULTIPART" -> b.parts().forEach(part -> request.add("\n.multipartPart($S, params.$N())", part.name(),
            "get" + Names.capitalize(part.javaName())));
        default -> {
          if (BodyModel.isPlainJson(b.mediaType())) {
            request.add("\n.jsonBody(params.$N(), $L)", getter, bodyType);
          } else {
            request.add("\n.jsonBody(params.$N(), $L, $S)", getter, bodyType, b.mediaType());
          }
        }
      }
    });
    request.add("\n.options(options)\n.build()");
    return method.addStatement("$L", request.build()).build();
  }

  private static String requestMethodName(OperationModel operation) {
    return operation.methodName() + "Request";
  }

  private MethodSpec operationMethod(OperationModel operation, CodeBlock responseType) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(operation.methodName())
        .addModifiers(Modifier.PUBLIC)
        .addParameter(context.serviceClass(operation.paramsClassName()), "params")
        .addParameter(EmitContext.REQUEST_OPTIONS, "options")
        .addJavadoc("$L", methodDoc(docs(), operation))
        .addJavadoc("@param params the operation's parameters and body\n")
        .addJavadoc("@param options overrides for this call: retries, timeouts, idempotency key, extra headers\n");
    if (hasVariants(operation)) {
      method.addStatement("$T response = runtime.executeRaw($N(params, options), null)",
          ParameterizedTypeName.get(EmitContext.API_RESPONSE, ClassName.OBJECT), requestMethodName(operation));
      finish(method, operation, responseType, CodeBlock.of("$T.of(response.statusCode(), response.body())",
          ResultEmitter.resultClass(context, operation)), true);
      return method.build();
    }
    if (isDownload(operation)) {
      finish(method, operation, responseType, CodeBlock.of("runtime.download($N(params, options))",
          requestMethodName(operation)), true);
      return method.build();
    }
    String execute = operation.responseMayBeEmpty() ? "executeOrNull" : "execute";
    finish(method, operation, responseType, CodeBlock.of("runtime.$L($N(params, options)$L)", execute,
        requestMethodName(operation), responseType == null ? CodeBlock.of("") : CodeBlock.of(", $L", responseType)),
        true);
    return method.build();
  }

  /** The view whose methods return {@code ApiResponse<T>}: status and headers beside the body. */
  private TypeSpec rawResponseView(ClassName serviceClass, ServiceModel service,
      java.util.Map<String, CodeBlock> responseTypes) {
    TypeSpec.Builder view = TypeSpec.classBuilder("WithRawResponse")
        .addJavadoc("The operations of {@code $L}, returning the status and headers beside the body.\n",
            service.className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(JavadocTags.complete(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build()));
    for (OperationModel operation : service.operations()) {
      if (operation.stream().map(StreamModel::only).orElse(false)) {
        continue;
      }
      TypeName body = hasVariants(operation)
          ? ClassName.OBJECT
          : operation.responseType().map(types::boxed).orElse(ClassName.get(Void.class));
      TypeName result = ParameterizedTypeName.get(EmitContext.API_RESPONSE, body);
      CodeBlock responseType = hasVariants(operation) ? null : responseTypes.get(operation.methodName());
      ClassName params = context.serviceClass(operation.paramsClassName());
      view.addMethod(JavadocTags.complete(MethodSpec.methodBuilder(operation.methodName())
          .addJavadoc(formDoc(docs(), operation, "{@link $T#$N($T, $T)}, returning the status and headers beside the body.",
              serviceClass, operation.methodName(), params, EmitContext.REQUEST_OPTIONS))
          .addModifiers(Modifier.PUBLIC)
          .returns(result)
          .addParameter(params, "params")
          .addParameter(EmitContext.REQUEST_OPTIONS, "options")
          .addStatement("return runtime.executeRaw($N(params, options), $L)", requestMethodName(operation),
              responseType == null ? CodeBlock.of("null") : responseType)
          .addAnnotations(deprecation(operation))
          .build()));
      view.addMethod(JavadocTags.complete(MethodSpec.methodBuilder(operation.methodName())
          .addJavadoc(formDoc(docs(), operation, "{@link #$N($T, $T)} without per-call options.", operation.methodName(),
              params, EmitContext.REQUEST_OPTIONS))
          .addModifiers(Modifier.PUBLIC)
          .returns(result)
          .addParameter(params, "params")
          .addStatement("return $N(params, $T.none())", operation.methodName(), EmitContext.REQUEST_OPTIONS)
          .addAnnotations(deprecation(operation))
          .build()));
    }
    return view.build();
  }

  /** {@code getPetAsync(params, options)}: the call without blocking; cancelling the future cancels it. */
  private MethodSpec asyncMethod(OperationModel operation, CodeBlock responseType, boolean withOptions) {
    TypeName result = operation.responseType().isPresent()
        ? resultType(operation).withoutAnnotations()
        : ClassName.get(Void.class);
    ClassName params = context.serviceClass(operation.paramsClassName());
    MethodSpec.Builder method = MethodSpec.methodBuilder(operation.methodName() + "Async")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result))
        .addParameter(params, "params")
        .addJavadoc(withOptions
            ? formDoc(docs(), operation, "{@link #$N($T, $T)} without blocking: attempts run on the HTTP client's threads,"
                + " waits between them block no thread, and cancelling the future cancels the call.",
                operation.methodName(), params, EmitContext.REQUEST_OPTIONS)
            : formDoc(docs(), operation, "{@link #$NAsync($T, $T)} without per-call options.", operation.methodName(),
                params, EmitContext.REQUEST_OPTIONS));
    if (withOptions) {
      method.addParameter(EmitContext.REQUEST_OPTIONS, "options");
    }
    if (withOptions && hasVariants(operation)) {
      method.addStatement("return runtime.<$T>executeRawAsync($N(params, options), null)\n"
          + ".thenApply(response -> $T.of(response.statusCode(), response.body()))", ClassName.OBJECT,
          requestMethodName(operation), ResultEmitter.resultClass(context, operation));
    } else if (withOptions && isDownload(operation)) {
      method.addStatement("return runtime.downloadAsync($N(params, options))", requestMethodName(operation));
    } else if (withOptions) {
      method.addStatement("return runtime.executeAsync($N(params, options)$L)", requestMethodName(operation),
          responseType == null ? CodeBlock.of("") : CodeBlock.of(", $L", responseType));
    } else {
      method.addStatement("return $NAsync(params, $T.none())", operation.methodName(), EmitContext.REQUEST_OPTIONS);
    }
    if (operation.deprecated()) {
      method.addAnnotation(Deprecated.class);
    }
    return method.build();
  }

  /** The canonical form without per-call options. */
  private MethodSpec paramsMethod(OperationModel operation) {
    ClassName params = context.serviceClass(operation.paramsClassName());
    MethodSpec.Builder method = MethodSpec.methodBuilder(operation.methodName())
        .addModifiers(Modifier.PUBLIC)
        .addParameter(params, "params")
        .addJavadoc(formDoc(docs(), operation, "{@link #$N($T, $T)} without per-call options.", operation.methodName(),
            params, EmitContext.REQUEST_OPTIONS));
    finish(method, operation, CodeBlock.of(""),
        CodeBlock.of("$N(params, $T.none())", operation.methodName(), EmitContext.REQUEST_OPTIONS), false);
    return method.build();
  }

  /** An overload that takes only the required values, in spec order, and no parameter object. */
  private MethodSpec convenienceMethod(OperationModel operation) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(operation.methodName())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(formDoc(docs(), operation, "{@link #$N($T)} with only the required values.", operation.methodName(),
            context.serviceClass(operation.paramsClassName())));
    CodeBlock params = requiredArguments(method, operation);
    boolean returns = operation.responseType().isPresent();
    finish(method, operation, returns ? CodeBlock.of("") : null,
        CodeBlock.of("$N($L)", operation.methodName(), params), false);
    return method.build();
  }

  /**
   * Whether a form taking the required values positionally reads without doubt: no two of them have the same type,
   * so that {@code getTrips(UUID origin, UUID destination)}, which invites swapped arguments, is not offered; the
   * parameters object is the form for such operations. Nor is it where it would send no body and the spec does not
   * say the body may be left out ({@link BodyModel#omittable()}): {@code createCustomer()} sending an empty POST.
   */
  boolean positionalFormIsClear(OperationModel operation) {
    if (operation.body().filter(body -> !body.required() && !body.omittable()).isPresent()) {
      return false;
    }
    List<TypeName> seen = new ArrayList<>();
    for (ParameterModel parameter : operation.requiredParameters()) {
      seen.add(types.present(parameter.type()));
    }
    operation.body().filter(body -> body.required() && !isMultipart(body))
        .ifPresent(body -> seen.add(types.boxed(body.type())));
    operation.body().filter(ServiceEmitter::isMultipart).ifPresent(body -> body.parts().stream()
        .filter(BodyModel.Part::required).forEach(part -> seen.add(types.present(part.type()))));
    return seen.stream().distinct().count() == seen.size();
  }

  /**
   * Adds the operation's required values (parameters, then the body or its required multipart parts) as arguments of
   * {@code method}, documented after a blank line, and returns the expression that builds its parameters class from
   * them.
   */
  CodeBlock requiredArguments(MethodSpec.Builder method, OperationModel operation) {
    record Argument(TypeName type, String name, CodeBlock doc) {}
    List<Argument> arguments = new ArrayList<>();
    for (ParameterModel parameter : operation.requiredParameters()) {
      arguments.add(new Argument(types.present(parameter.type()), parameter.javaName(), CodeBlock.of(
          "the $L parameter $L", parameter.location().name().toLowerCase(java.util.Locale.ROOT),
          docs().code(parameter.name()))));
    }
    operation.body().filter(body -> body.required() && !isMultipart(body)).ifPresent(body ->
        arguments.add(new Argument(types.boxed(body.type()), body.javaName(), CodeBlock.of("the request body"))));
    operation.body().filter(ServiceEmitter::isMultipart).ifPresent(body -> body.parts().stream()
        .filter(BodyModel.Part::required)
        .forEach(part -> arguments.add(new Argument(types.present(part.type()), part.javaName(),
            CodeBlock.of("the multipart part $L", docs().code(part.name()))))));

    CodeBlock.Builder params = CodeBlock.builder()
        .add("$T.builder()", context.serviceClass(operation.paramsClassName()));
    if (!arguments.isEmpty()) {
      method.addJavadoc("\n");
    }
    for (Argument argument : arguments) {
      method.addParameter(argument.type(), argument.name())
          .addJavadoc("@param $N $L\n", argument.name(), argument.doc());
      params.add(".$N($N)", argument.name(), argument.name());
    }
    return params.add(".build()").build();
  }


  static List<com.palantir.javapoet.AnnotationSpec> deprecation(OperationModel operation) {
    return operation.deprecated()
        ? List.of(com.palantir.javapoet.AnnotationSpec.builder(Deprecated.class).build())
        : List.of();
  }

  /** A public method of an operation: its Javadoc, deprecation and return type set. */
  static MethodSpec.Builder publicMethod(String name, String doc, OperationModel operation, TypeName returns) {
    return publicMethod(name, CodeBlock.of("$L", doc), operation, returns);
  }

  static MethodSpec.Builder publicMethod(String name, CodeBlock doc, OperationModel operation, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc)
        .addAnnotations(deprecation(operation))
        .returns(returns);
  }

  /** {@code name(params)}, calling {@code name(params, RequestOptions.none())}. */
  static MethodSpec withoutOptions(JavadocText docs, String name, OperationModel operation, TypeName returns,
      ClassName params) {
    return publicMethod(name, formDoc(docs, operation, "{@link #$N($T, $T)} without per-call options.", name, params,
            EmitContext.REQUEST_OPTIONS), operation, returns)
        .addParameter(params, "params")
        .addStatement("return $N(params, $T.none())", name, EmitContext.REQUEST_OPTIONS)
        .build();
  }

  static boolean isMultipart(BodyModel body) {
    return body.kind().equals("MULTIPART");
  }

  /** A binary response, streamed to the caller as a {@code BinaryResponse} rather than read into memory. */
  private static boolean isDownload(OperationModel operation) {
    return !hasVariants(operation) && operation.responseType()
        .filter(type -> type.equals(TypeRef.scalar(TypeRef.ScalarKind.BYTES))).isPresent();
  }

  private static boolean hasVariants(OperationModel operation) {
    return !operation.successVariants().isEmpty();
  }

  /** What the operation's blocking form returns: the body type, or the sealed result type of its variants. */
  private TypeName resultType(OperationModel operation) {
    if (hasVariants(operation)) {
      return ResultEmitter.resultClass(context, operation);
    }
    if (isDownload(operation)) {
      return BINARY_RESPONSE;
    }
    TypeName body = types.boxed(operation.responseType().orElseThrow());
    return operation.responseMayBeEmpty() ? JavaTypes.nullable(body) : body;
  }

  /** Sets the return type and the call; {@code documented} adds the {@code @return} and {@code @throws} tags. */
  private void finish(MethodSpec.Builder method, OperationModel operation, CodeBlock responseType, CodeBlock call,
      boolean documented) {
    if (operation.deprecated()) {
      method.addAnnotation(Deprecated.class);
    }
    if (operation.responseType().isPresent()) {
      TypeName returnType = resultType(operation);
      method.returns(returnType).addStatement("return $L", call);
      if (documented) {
        method.addJavadoc("@return the response body\n");
      }
    } else {
      method.addStatement("$L", call);
    }
    if (documented) {
      method.addJavadoc("@throws $T if the call fails; a subclass says how\n", EmitContext.BULWARK_EXCEPTION);
    }
  }

  /**
   * The Javadoc of a form that delegates to another: the operation's summary and one sentence linking to the form
   * that has the full documentation, so that a long description is written once per operation, not once per form.
   */
  static CodeBlock formDoc(JavadocText docs, OperationModel operation, String sentence, Object... args) {
    CodeBlock.Builder doc = CodeBlock.builder();
    if (!operation.summary().isEmpty()) {
      doc.add("$L\n\n<p>", docs.markdown(operation.summary()));
    }
    doc.add(sentence, args).add("\n");
    if (operation.deprecated()) {
      doc.add("\n@deprecated the API marks this operation as deprecated\n");
    }
    return doc.build();
  }

  static String methodDoc(JavadocText docs, OperationModel operation) {
    StringBuilder doc = new StringBuilder();
    if (!operation.summary().isEmpty()) {
      doc.append(docs.markdown(operation.summary())).append("\n\n");
    }
    if (!operation.description().isEmpty()) {
      doc.append(docs.paragraph(operation.description())).append("\n\n");
    }
    doc.append("<p>").append(docs.code(operation.httpMethod() + " " + operation.path())).append(", operation ")
        .append(docs.code(operation.operationId())).append(".\n\n");
    operation.alternativeOf().ifPresent(primary -> doc.append("<p>Sends the body as ")
        .append(docs.code(operation.body().orElseThrow().mediaType())).append("; {@code ").append(primary.methodName())
        .append("} sends it as ").append(docs.code(primary.mediaType())).append(".\n\n"));
    if (operation.deprecated()) {
      doc.append("@deprecated the API marks this operation as deprecated\n");
    }
    return doc.toString();
  }

  private JavadocText docs() {
    return context.docs();
  }
}
