package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.SecuritySchemeModel;
import dev.bulwark.generator.model.ServerModel;
import dev.bulwark.generator.model.ServiceModel;
import dev.bulwark.generator.naming.UniqueNames;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Emits the client class: its builder (base URL, credentials, OkHttp client) and one accessor per service. */
final class ClientEmitter {
  private static final ClassName SERVER = ClassName.get(EmitContext.RUNTIME, "Server");
  private final EmitContext context;

  ClientEmitter(EmitContext context) {
    this.context = context;
  }

  TypeSpec emit(ApiModel api) {
    ClassName clientClass = ClassName.get(context.basePackage(), api.clientName());
    ClassName builderClass = clientClass.nestedClass("Builder");
    TypeSpec.Builder type = TypeSpec.classBuilder(clientClass)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(EmitContext.nullMarked())
        .addSuperinterface(AutoCloseable.class)
        .addJavadoc("$L\n", classDoc(api))
        // As protobuf's generated code does: a runtime this client cannot run with fails here, naming both versions.
        .addStaticBlock(CodeBlock.of("$T.check($S, $S);\n", EmitContext.RUNTIME_VERSION, context.generatorVersion(),
            api.clientName()));
    api.defaultBaseUrl().ifPresent(url -> type.addField(JavadocTags.field(FieldSpec.builder(String.class, "DEFAULT_BASE_URL",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The first server the spec lists, used when the builder is given no base URL.\n")
        .initializer("$S", url)
        .build())));
    for (ServerModel server : api.servers()) {
      CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S, $S)", SERVER, server.url(), server.description());
      for (ServerModel.Variable variable : server.variables()) {
        init.add("$>$>\n.variable($S, $S", variable.name(), variable.defaultValue());
        variable.allowed().forEach(value -> init.add(", $S", value));
        init.add(")$<$<");
      }
      type.addField(JavadocTags.field(FieldSpec.builder(SERVER, server.constantName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("$L: $L.\n", server.description().isEmpty() ? "A server the spec lists"
              : docs().markdown(server.description()).replaceFirst("\\.$", ""), docs().code(server.url()))
          .initializer(init.build())
          .build()));
    }
    type.addField(JavadocTags.field(FieldSpec.builder(EmitContext.CLIENT_RUNTIME, "runtime", Modifier.PRIVATE, Modifier.FINAL).build()));

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builderClass, "builder")
        .addStatement("this.runtime = builder.runtime.build()");
    UniqueNames fields = new UniqueNames().reserve("runtime", "DEFAULT_BASE_URL", "retryBudget");
    for (ServiceModel service : api.services()) {
      ClassName serviceClass = context.serviceClass(service.className());
      String field = fields.claim(service.accessorName());
      type.addField(JavadocTags.field(FieldSpec.builder(serviceClass, field, Modifier.PRIVATE, Modifier.FINAL).build()));
      constructor.addStatement("this.$N = new $T(runtime)", field, serviceClass);
      type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder(service.accessorName())
          .addJavadoc("$L\n\n@return the service\n", "The " + ServiceEmitter.whatItHolds(docs(), service) + ".")
          .addModifiers(Modifier.PUBLIC)
          .returns(serviceClass)
          .addStatement("return $N", field)
          .build()));
    }
    type.addMethod(JavadocTags.complete(constructor.build()));
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("builder")
        .addJavadoc("Starts configuring a client.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builderClass)
        .addStatement("return new $T()", builderClass)
        .build()));
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("retryBudget")
        .addJavadoc("The retry budget every call of this client draws from; {@code available()} shows what is left.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(EmitContext.RETRY_BUDGET)
        .addStatement("return runtime.retryBudget()")
        .build()));
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("okHttpClient")
        .addJavadoc("The OkHttp client calls are sent with (the builder's, or one the client created): for its"
            + " connection pool's figures and for tests.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(EmitContext.OK_HTTP_CLIENT)
        .addStatement("return runtime.httpClient()")
        .build()));
    type.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("close")
        .addJavadoc("Releases connections and threads the client created itself; an {@code OkHttpClient} passed to"
            + " the builder stays open.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addStatement("runtime.close()")
        .build()));
    type.addType(builder(api, clientClass, builderClass));
    return type.build();
  }

  private String classDoc(ApiModel api) {
    StringBuilder doc = new StringBuilder("Client for ")
        .append(api.title().isEmpty() ? "the API" : docs().plain(api.title()))
        .append(api.version().isEmpty() ? "" : " " + docs().plain(api.version()))
        .append(".");
    if (!api.description().isEmpty()) {
      doc.append("\n\n").append(docs().paragraph(api.description()));
    }
    doc.append("\n\n<p>Create one with {@link #builder()}, share it across threads, and close it when done.");
    return doc.toString();
  }

  private TypeSpec builder(ApiModel api, ClassName clientClass, ClassName builderClass) {
    TypeSpec.Builder builder = TypeSpec.classBuilder(builderClass)
        .addJavadoc("Configures a {@code $L}. Not thread-safe.\n", clientClass.simpleName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addField(JavadocTags.field(FieldSpec.builder(EmitContext.CLIENT_RUNTIME.nestedClass("Builder"), "runtime",
                Modifier.PRIVATE, Modifier.FINAL)
            .initializer("$T.builder()\n.jsonAdapters(new $T())\n.userAgent($S)\n.clientName($S)",
                EmitContext.CLIENT_RUNTIME,
                context.modelClass(AdapterFactoryEmitter.FACTORY_NAME),
                "bulwark-java/" + context.generatorVersion() + " " + api.clientName(), api.clientName())
            .build()));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    if (api.defaultBaseUrl().isPresent()) {
      constructor.addStatement("runtime.baseUrl(DEFAULT_BASE_URL)");
    }
    builder.addMethod(JavadocTags.complete(constructor.build()));
    builder.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("baseUrl")
        .addJavadoc("$L\n\n<p>Every operation goes to this URL, also those the spec sends to servers of their own, so"
            + " that a test or staging server receives all calls.\n", api.defaultBaseUrl().isPresent()
            ? "The server to call, such as {@code https://api.example.com}; defaults to {@link #DEFAULT_BASE_URL}."
            : "The server to call, such as {@code https://api.example.com}. Required: the spec names no absolute"
                + " server URL.")
        .addModifiers(Modifier.PUBLIC)
        .returns(builderClass)
        .addParameter(String.class, "baseUrl")
        .addStatement("runtime.baseUrl(baseUrl)")
        .addStatement("runtime.operationServers(false)")
        .addStatement("return this")
        .build()));
    builder.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("server")
        .addJavadoc("One of the servers the spec lists (a constant of {@link $T}), its variables set with {@code"
            + " with(name, value)}; operations the spec gives servers of their own still go there.\n", clientClass)
        .addModifiers(Modifier.PUBLIC)
        .returns(builderClass)
        .addParameter(SERVER, "server")
        .addStatement("runtime.baseUrl(server.url())")
        .addStatement("runtime.operationServers(true)")
        .addStatement("return this")
        .build()));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "okHttpClient", EmitContext.OK_HTTP_CLIENT,
        "The OkHttp client to send requests with, to share its connection pool; the caller keeps ownership and"
            + " closes it.")));
    for (SecuritySchemeModel scheme : api.securitySchemes()) {
      builder.addMethod(JavadocTags.complete(credentialSetter(builderClass, scheme)));
      oauth2Setters(builderClass, scheme).forEach(m -> builder.addMethod(JavadocTags.complete(m)));
    }
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "context", ClassName.get(EmitContext.RUNTIME, "RuntimeContext"),
        "Shares a connection pool, per-host retry budgets, a policy provider and listeners with other clients.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "retryPolicy", EmitContext.RETRY_POLICY,
        "The retry policy of every operation: the values set on it win over the spec's, the others stay the"
            + " spec's.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "retryPolicyProvider", EmitContext.RETRY_POLICY_PROVIDER,
        "Chooses each call's retry policy while the client runs, for example from a feature flag.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "timeouts", EmitContext.TIMEOUT_POLICY,
        "The timeouts of every operation: the limits set on it win over the spec's, the others stay the spec's.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "retryBudget", EmitContext.RETRY_BUDGET,
        "The retry budget; give several clients the same one to make them back off together.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "listener", EmitContext.CALL_LISTENER,
        "Adds a listener for every attempt, retry and give-up.\n\n@deprecated its positional arguments break with"
            + " every field added; use {@link #eventListener}").toBuilder()
        .addAnnotation(Deprecated.class).build()));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "eventListener", EmitContext.CALL_EVENT_LISTENER,
        "Adds a listener of every call's events: started, each attempt started and finished, each retry, finished.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "interceptor", EmitContext.CALL_INTERCEPTOR,
        "Adds an interceptor that follows every call, blocking or asynchronous: once per call, and around each"
            + " attempt; the tracing and metrics modules are interceptors.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "logOptions", EmitContext.LOG_OPTIONS,
        "What this client's call log ({@code dev.bulwark.calls.<ClientName>}) shows: its level, the headers on its"
            + " allow-list, bodies. Credentials never.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "correlationIdHeader",
        JavaTypes.nullable(ClassName.get(String.class)),
        "The header of each call's correlation id, the same on every attempt ({@code X-Correlation-Id} by"
            + " default); {@code null} sends none.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "attemptHeader", TypeName.BOOLEAN,
        "Whether each attempt tells the server its number ({@code Bulwark-Attempt: attempt=2; max=4}); on by"
            + " default.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "callbackExecutor",
        ClassName.get(java.util.concurrent.Executor.class),
        "Where asynchronous calls complete their futures (and so where {@code thenApply} runs); by default the"
            + " HTTP client's thread. The caller's logging context is in place either way.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "strictResponses", TypeName.BOOLEAN,
        "Whether a response that breaks its schema fails the call (naming the JSON paths) instead of being read"
            + " leniently; off by default.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "redirects", ClassName.get(EmitContext.RUNTIME, "RedirectPolicy"),
        "Which redirects to follow; by default those to the API's own origin with credentials and those to other"
            + " origins without any.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "maxResponseBodyBytes", TypeName.LONG,
        "The largest response body read into memory (32 MiB by default); a larger one fails the call naming the"
            + " limit. Downloads and event streams are streamed and not bounded.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "jitterSeed", TypeName.LONG,
        "Seeds the jitter of retry waits, so that a run's waits repeat; for tests.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "sleeper", EmitContext.SLEEPER,
        "What waits between attempts; replace it in tests to control time.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "ticker", EmitContext.TICKER,
        "The monotonic clock for deadlines; replace it in tests to control time.")));
    builder.addMethod(JavadocTags.complete(passThrough(builderClass, "clock", ClassName.get(java.time.Clock.class),
        "The wall clock, for server waits given as dates; replace it in tests to control time.")));
    builder.addMethod(JavadocTags.complete(MethodSpec.methodBuilder("build")
        .addJavadoc("@throws IllegalArgumentException if the base URL is not an absolute http(s) URL\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(clientClass)
        .addStatement("return new $T(this)", clientClass)
        .build()));
    return builder.build();
  }

  private static MethodSpec passThrough(ClassName builderClass, String name, TypeName type, String doc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n", doc)
        .addModifiers(Modifier.PUBLIC)
        .returns(builderClass)
        .addParameter(type, name)
        .addStatement("runtime.$N($N)", name, name)
        .addStatement("return this")
        .build();
  }

  /** For an OAuth 2.0 scheme: client credentials that the runtime exchanges for tokens, with the spec's or any URL. */
  private List<MethodSpec> oauth2Setters(ClassName builderClass, SecuritySchemeModel scheme) {
    if (scheme.kind() != SecuritySchemeModel.Kind.BEARER || scheme.tokenUrl().isEmpty() && scheme.scopes().isEmpty()) {
      return List.of();
    }
    ClassName credentials = ClassName.get(EmitContext.RUNTIME + ".auth", "OAuth2ClientCredentials");
    List<MethodSpec> setters = new java.util.ArrayList<>();
    setters.add(MethodSpec.methodBuilder(scheme.setterName())
        .addModifiers(Modifier.PUBLIC)
        .returns(builderClass)
        .addJavadoc("OAuth 2.0 client credentials for the $L security scheme, configured in full (a token URL"
            + " of your own, scopes, a clock); the runtime fetches and refreshes the tokens.\n",
            docs().code(scheme.name()))
        .addParameter(credentials, "credentials")
        .addStatement("runtime.authentication($S, credentials)", scheme.name())
        .addStatement("return this")
        .build());
    scheme.tokenUrl().ifPresent(tokenUrl -> {
      CodeBlock scopes = scheme.scopes().isEmpty() ? CodeBlock.of("$T.of()", List.class)
          : CodeBlock.of("$T.of($L)", List.class, scheme.scopes().stream().map(scope -> CodeBlock.of("$S", scope))
              .collect(CodeBlock.joining(", ")));
      setters.add(MethodSpec.methodBuilder(scheme.setterName())
          .addModifiers(Modifier.PUBLIC)
          .returns(builderClass)
          .addJavadoc("OAuth 2.0 client credentials for the $L security scheme: the runtime fetches a token"
              + " from $L when first needed, asking for every scope the spec lists, and refreshes it before it"
              + " expires.\n", docs().code(scheme.name()), docs().code(tokenUrl))
          .addParameter(String.class, "clientId")
          .addParameter(String.class, "clientSecret")
          .addStatement("return $N($T.builder($S, clientId, clientSecret).scopes($L).build())", scheme.setterName(),
              credentials, tokenUrl, scopes)
          .build());
    });
    return setters;
  }

  private MethodSpec credentialSetter(ClassName builderClass, SecuritySchemeModel scheme) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(scheme.setterName())
        .addModifiers(Modifier.PUBLIC)
        .returns(builderClass);
    switch (scheme.kind()) {
      case BEARER:
        method.addJavadoc("A bearer token for the $L security scheme.\n", docs().code(scheme.name()))
            .addParameter(String.class, "token")
            .addStatement("runtime.authentication($S, $T.bearer(token))", scheme.name(), EmitContext.AUTHENTICATION);
        break;
      case BASIC:
        method.addJavadoc("User name and password for the $L security scheme.\n", docs().code(scheme.name()))
            .addParameter(String.class, "username")
            .addParameter(String.class, "password")
            .addStatement("runtime.authentication($S, $T.basic(username, password))", scheme.name(),
                EmitContext.AUTHENTICATION);
        break;
      case API_KEY_HEADER:
      case API_KEY_QUERY:
      case API_KEY_COOKIE:
        String factory = scheme.kind() == SecuritySchemeModel.Kind.API_KEY_HEADER ? "apiKeyHeader"
            : scheme.kind() == SecuritySchemeModel.Kind.API_KEY_QUERY ? "apiKeyQuery" : "apiKeyCookie";
        method.addJavadoc("The API key for the $L security scheme, sent as $L.\n",
                docs().code(scheme.name()), docs().code(scheme.parameterName()))
            .addParameter(String.class, "apiKey")
            .addStatement("runtime.authentication($S, $T.$L($S, apiKey))", scheme.name(), EmitContext.AUTHENTICATION,
                factory, scheme.parameterName());
        break;
      default:
        throw new AssertionError(scheme.kind());
    }
    return method.addStatement("return this").build();
  }

  private JavadocText docs() {
    return context.docs();
  }
}
