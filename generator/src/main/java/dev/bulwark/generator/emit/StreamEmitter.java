package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.StreamModel;
import java.util.concurrent.CompletableFuture;

/** Emits the methods that open a server-sent event stream and return its typed events as an {@code EventStream}. */
final class StreamEmitter {
  static final ClassName EVENT_STREAM = ClassName.get(EmitContext.RUNTIME, "EventStream");

  private final EmitContext context;
  private final JavaTypes types;
  private final ServiceEmitter services;

  StreamEmitter(EmitContext context, JavaTypes types, ServiceEmitter services) {
    this.context = context;
    this.types = types;
    this.services = services;
  }

  void emit(TypeSpec.Builder service, OperationModel operation, StreamModel stream, String requestMethod) {
    TypeName eventType = types.boxed(stream.eventType());
    TypeName result = ParameterizedTypeName.get(EVENT_STREAM, eventType);
    CodeBlock sentinel = stream.sentinel().map(s -> CodeBlock.of("$S", s)).orElse(CodeBlock.of("null"));
    CodeBlock reflectType = types.reflectType(stream.eventType());
    ClassName params = context.serviceClass(operation.paramsClassName());
    String doc = ServiceEmitter.methodDoc(context.docs(), operation)
        + "<p>Opens the operation's {@code text/event-stream} response and returns its events as they arrive. Close"
        + " the stream when stopping early (try-with-resources, or {@code use {}} in Kotlin); the retry policy covers"
        + " the call up to the first event.\n\n";
    String name = stream.methodName();
    service.addMethod(JavadocTags.complete(ServiceEmitter.publicMethod(name, doc, operation, result)
        .addJavadoc("@param params the operation's parameters and body\n@param options overrides for this call\n")
        .addJavadoc("@return the open stream of events\n@throws $T if the call fails before the first event\n",
            EmitContext.BULWARK_EXCEPTION)
        .addParameter(params, "params")
        .addParameter(EmitContext.REQUEST_OPTIONS, "options")
        .addStatement("return runtime.stream($N(params, options), $L, $L)", requestMethod, reflectType, sentinel)
        .build()));
    service.addMethod(JavadocTags.complete(ServiceEmitter.withoutOptions(context.docs(), name, operation, result, params)));
    if (services.positionalFormIsClear(operation)) {
      MethodSpec.Builder convenience = ServiceEmitter.publicMethod(name,
          ServiceEmitter.formDoc(context.docs(), operation, "{@link #$N($T)} with only the required values.", name, params),
          operation, result);
      CodeBlock values = services.requiredArguments(convenience, operation);
      service.addMethod(JavadocTags.complete(convenience.addStatement("return $N($L)", name, values).build()));
    }
    service.addMethod(JavadocTags.complete(ServiceEmitter.publicMethod(name + "Async", doc, operation,
            ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result))
        .addJavadoc("<p>Asynchronous: the future completes once the first event has arrived.\n\n")
        .addJavadoc("@param params the operation's parameters and body\n@param options overrides for this call\n")
        .addJavadoc("@return a future of the open stream; it fails with a {@link $T}\n", EmitContext.BULWARK_EXCEPTION)
        .addParameter(params, "params")
        .addParameter(EmitContext.REQUEST_OPTIONS, "options")
        .addStatement("return runtime.streamAsync($N(params, options), $L, $L)", requestMethod, reflectType, sentinel)
        .build()));
  }
}
