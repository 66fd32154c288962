package dev.bulwark.generator.normalize;

import dev.bulwark.generator.extension.StreamReader;
import dev.bulwark.generator.model.BodyModel;
import dev.bulwark.generator.model.ErrorModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.ParameterModel;
import dev.bulwark.generator.model.StreamModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.naming.Names;
import dev.bulwark.generator.naming.UniqueNames;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Normalises one operation: its names, parameters, success and error types, security and servers; its request body
 * is {@link RequestBodyNormalizer}'s.
 */
final class OperationNormalizer {
  /** Headers that OpenAPI says are set by other means, never by a header parameter. */
  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

  private final OpenAPI api;
  private final Components components;
  private final SchemaConverter converter;
  private final Warnings warnings;
  private final UniqueNames classNames;
  private static final String EVENT_STREAM = "text/event-stream";

  private final RequestBodyNormalizer bodies;
  private final ResilienceResolver resilience;
  private final StreamReader streams;

  OperationNormalizer(OpenAPI api, Components components, SchemaConverter converter, Warnings warnings,
      UniqueNames classNames, ResilienceResolver resilience, StreamReader streams) {
    this.resilience = resilience;
    this.streams = streams;
    this.api = api;
    this.components = components;
    this.converter = converter;
    this.warnings = warnings;
    this.classNames = classNames;
    this.bodies = new RequestBodyNormalizer(components, converter, warnings);
  }

  /**
   * The operation's methods: the first sends the body in the first kind the spec offers (JSON, form, text,
   * multipart, binary); one more follows for each other structured kind (a form or multipart body, such as a file
   * upload beside a JSON body that takes URLs), named after it ({@code editImageMultipart}), with its own parameters.
   */
  List<OperationModel> normalize(Normalizer.OperationSource source, UniqueNames methodNames) {
    OperationModel primary = primary(source, methodNames);
    List<OperationModel> methods = new ArrayList<>(List.of(primary));
    RequestBody requestBody = bodies.requestBody(source.operation().getRequestBody());
    if (requestBody == null || requestBody.getContent() == null || primary.body().isEmpty()) {
      return methods;
    }
    for (String kind : List.of("FORM", "MULTIPART")) {
      if (primary.body().get().kind().equals(kind)) {
        continue;
      }
      String methodName = methodNames.claim(primary.methodName() + Names.upperCamel(kind.toLowerCase(Locale.ROOT)));
      String typeContext = Names.upperCamel(methodName);
      UniqueNames parameterNames = new UniqueNames();
      primary.parameters().forEach(parameter -> parameterNames.claim(parameter.javaName()));
      Optional<BodyModel> body = kind.equals("FORM")
          ? bodies.form(requestBody, typeContext, source.pointer(), parameterNames)
          : bodies.multipart(requestBody, typeContext, source.pointer(), parameterNames);
      if (body.isEmpty()) {
        methodNames.release(methodName);
        continue;
      }
      methods.add(new OperationModel(primary.operationId(), methodName, classNames.claim(typeContext + "Params"),
          primary.httpMethod(), primary.path(), primary.summary(), primary.description(), primary.deprecated(),
          primary.parameters(), body, primary.responseType(), primary.responseMayBeEmpty(), primary.successVariants(),
          primary.successVariants().isEmpty() ? "" : classNames.claim(typeContext + "Result"),
          primary.securitySchemes(), primary.resilience(), primary.errorTypes(), primary.errorEnvelope(),
          Optional.empty(), Optional.empty(), primary.server(), primary.accept(),
          Optional.of(new OperationModel.Primary(primary.methodName(), primary.body().get().mediaType()))));
    }
    return methods;
  }

  /**
   * A GET, HEAD or DELETE whose spec declares a body with no content or no schema: there is nothing to send, and a
   * {@code body(Object)} setter would only invite sending something a server will likely reject.
   */
  private static boolean emptyBodyOfARead(String method, Operation operation) {
    io.swagger.v3.oas.models.parameters.RequestBody body = operation.getRequestBody();
    if (body == null || body.get$ref() != null || !Set.of("GET", "HEAD", "DELETE").contains(
        method.toUpperCase(Locale.ROOT))) {
      return false;
    }
    return body.getContent() == null || body.getContent().values().stream()
        .allMatch(media -> media == null || media.getSchema() == null);
  }

  private OperationModel primary(Normalizer.OperationSource source, UniqueNames methodNames) {
    Operation operation = source.operation();
    String pointer = source.pointer();
    String operationId = operation.getOperationId() != null && !operation.getOperationId().isBlank()
        ? operation.getOperationId()
        : Names.lowerCamel(derivedOperationId(source.method(), source.path()));
    if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
      warnings.add("no-operation-id", pointer, "no operationId; the method is named from the method and path ("
          + operationId
          + "), and renaming the path renames it: add an operationId");
    }
    String methodName = methodNames.claim(Names.methodName(operationId));
    String typeContext = Names.upperCamel(methodName);
    String paramsClass = classNames.claim(typeContext + "Params");

    UniqueNames parameterNames = new UniqueNames();
    List<ParameterModel> parameters = new ArrayList<>();
    for (Parameter parameter : mergedParameters(source, pointer)) {
      ParameterModel model = parameter(parameter, typeContext, pointer, parameterNames);
      if (model != null) {
        parameters.add(model);
      }
    }
    Optional<BodyModel> body = emptyBodyOfARead(source.method(), operation)
        ? Optional.empty()
        : bodies.body(operation.getRequestBody(), typeContext, pointer, parameterNames);
    Map<String, Optional<TypeRef>> successes = successTypes(operation, typeContext, pointer);
    Optional<TypeRef> response = successes.values().stream().flatMap(Optional::stream).findFirst();
    List<OperationModel.SuccessVariant> variants = new ArrayList<>();
    if (successes.values().stream().flatMap(Optional::stream).distinct().count() > 1) {
      successes.forEach((code, type) -> type.ifPresent(t -> variants.add(new OperationModel.SuccessVariant(code, t))));
    }
    ResilienceResolver.Levels levels = resilience.levels(source, pointer);
    Optional<StreamModel> stream = stream(operation, typeContext, pointer, response.isPresent(), methodNames);

    return new OperationModel(
        operationId,
        methodName,
        paramsClass,
        source.method(),
        source.path(),
        SchemaConverter.text(operation.getSummary()),
        SchemaConverter.text(operation.getDescription()),
        Boolean.TRUE.equals(operation.getDeprecated()),
        parameters,
        body,
        response,
        response.isPresent() && successes.values().stream().anyMatch(Optional::isEmpty),
        variants,
        variants.isEmpty() ? "" : classNames.claim(typeContext + "Result"),
        security(operation),
        resilience.resolve(source, levels),
        errorTypes(operation, typeContext, pointer),
        ResilienceResolver.errorEnvelope(levels),
        Optional.empty(),
        stream,
        server(source),
        accept(operation),
        Optional.empty());
  }

  /**
   * The success media types to ask for when none is JSON ({@code text/plain}, {@code image/png}), so that a server
   * that negotiates content does not answer 406; empty when JSON is among them or the response is an event stream.
   */
  private String accept(Operation operation) {
    Set<String> types = new java.util.TreeSet<>();
    successResponses(operation).values().stream()
        .filter(response -> response != null && response.getContent() != null)
        .forEach(response -> types.addAll(response.getContent().keySet()));
    boolean json = types.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("json") || t.equals("*/*"));
    boolean events = types.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM));
    return json || events || types.isEmpty() ? "" : String.join(", ", types);
  }

  /**
   * The operation's 2xx responses in status order (200 before 201), references followed; a value is null where a
   * reference cannot be followed.
   */
  private Map<String, ApiResponse> successResponses(Operation operation) {
    Map<String, ApiResponse> responses = new LinkedHashMap<>();
    if (operation.getResponses() != null) {
      operation.getResponses().keySet().stream()
          .filter(code -> code.startsWith("2"))
          .sorted()
          .forEach(code -> responses.put(code, resolve(operation.getResponses().get(code))));
    }
    return responses;
  }


  /** The first server of the operation, else of its path item, with its variables at their defaults. */
  private static Optional<String> server(Normalizer.OperationSource source) {
    List<io.swagger.v3.oas.models.servers.Server> servers = source.operation().getServers() != null
        && !source.operation().getServers().isEmpty() ? source.operation().getServers() : source.pathItem().getServers();
    if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
      return Optional.empty();
    }
    return Optional.of(Normalizer.withDefaults(servers.get(0)));
  }

  /** The first 2xx {@code text/event-stream} response, read as typed events. */
  private Optional<StreamModel> stream(Operation operation, String typeContext, String operationPointer,
      boolean hasPlainBody, UniqueNames methodNames) {
    for (Map.Entry<String, ApiResponse> entry : successResponses(operation).entrySet()) {
      String code = entry.getKey();
      ApiResponse response = entry.getValue();
      Map.Entry<String, MediaType> media = response == null || response.getContent() == null
          ? null
          : eventStream(response.getContent());
      if (media == null) {
        continue;
      }
      String pointer = JsonPointer.child(JsonPointer.child(operationPointer, "responses"), code);
      Schema<?> schema = media.getValue().getSchema();
      TypeRef eventType = schema == null || "string".equals(schema.getType())
          || (schema.getTypes() != null && schema.getTypes().equals(Set.of("string")))
          ? TypeRef.scalar(TypeRef.ScalarKind.STRING)
          : converter.typeOf(schema, typeContext + "Event", JsonPointer.mediaSchema(pointer, media.getKey()));
      String methodName = hasPlainBody
          ? methodNames.claim(Names.lowerCamel(typeContext) + "Stream")
          : Names.lowerCamel(typeContext);
      return Optional.of(new StreamModel(methodName, eventType,
          streams.sentinel(operation.getExtensions(), operationPointer), !hasPlainBody));
    }
    return Optional.empty();
  }

  private static Map.Entry<String, MediaType> eventStream(Content content) {
    return content.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM))
        .findFirst()
        .orElse(null);
  }

  /** {@code GET /pets/{petId}} becomes {@code getPetsPetId}. */
  private static String derivedOperationId(String method, String path) {
    return method.toLowerCase(Locale.ROOT) + " " + path.replace("{", " ").replace("}", " ");
  }

  /** Path-item parameters apply to each operation unless the operation redefines the same name and location. */
  private List<Parameter> mergedParameters(Normalizer.OperationSource source, String pointer) {
    Map<String, Parameter> merged = new LinkedHashMap<>();
    List<Parameter> pathLevel = source.pathItem().getParameters() == null ? List.of() : source.pathItem().getParameters();
    List<Parameter> operationLevel =
        source.operation().getParameters() == null ? List.of() : source.operation().getParameters();
    for (List<Parameter> list : List.of(pathLevel, operationLevel)) {
      for (Parameter raw : list) {
        Parameter parameter = resolve(raw, pointer);
        if (parameter != null && parameter.getName() != null && parameter.getIn() != null) {
          merged.put(parameter.getIn() + ":" + parameter.getName(), parameter);
        }
      }
    }
    return new ArrayList<>(merged.values());
  }

  private Parameter resolve(Parameter parameter, String pointer) {
    if (parameter.get$ref() == null) {
      return parameter;
    }
    String prefix = "#/components/parameters/";
    String ref = parameter.get$ref();
    if (ref.startsWith(prefix) && components.getParameters() != null) {
      Parameter target = components.getParameters().get(ref.substring(prefix.length()));
      if (target != null) {
        return resolve(target, pointer);
      }
    }
    warnings.add(pointer, "cannot resolve parameter $ref '" + ref + "'; the parameter is left out");
    return null;
  }

  private ParameterModel parameter(
      Parameter parameter, String typeContext, String operationPointer, UniqueNames parameterNames) {
    String pointer = JsonPointer.child(JsonPointer.child(operationPointer, "parameters"), parameter.getName());
    ParameterModel.Location location;
    switch (parameter.getIn().toLowerCase(Locale.ROOT)) {
      case "path":
        location = ParameterModel.Location.PATH;
        break;
      case "query":
        location = ParameterModel.Location.QUERY;
        break;
      case "header":
        if (IGNORED_HEADERS.contains(parameter.getName().toLowerCase(Locale.ROOT))) {
          return null;
        }
        location = ParameterModel.Location.HEADER;
        break;
      case "cookie":
        location = ParameterModel.Location.COOKIE;
        break;
      default:
        warnings.add(pointer, "parameter location '" + parameter.getIn() + "' is not an OpenAPI location; left out");
        return null;
    }
    Schema<?> schema = parameter.getSchema();
    if (schema == null && parameter.getContent() != null && !parameter.getContent().isEmpty()) {
      schema = parameter.getContent().values().iterator().next().getSchema();
    }
    TypeRef type = schema == null
        ? TypeRef.scalar(TypeRef.ScalarKind.STRING)
        : converter.typeOf(schema, typeContext + Names.upperCamel(parameter.getName()), pointer);
    boolean required = location == ParameterModel.Location.PATH || Boolean.TRUE.equals(parameter.getRequired());
    boolean queryLike = location == ParameterModel.Location.QUERY || location == ParameterModel.Location.COOKIE;
    String style = parameter.getStyle() == null
        ? (queryLike ? "FORM" : "SIMPLE")
        : switch (parameter.getStyle()) {
          case SPACEDELIMITED -> "SPACE_DELIMITED";
          case PIPEDELIMITED -> "PIPE_DELIMITED";
          case DEEPOBJECT -> "DEEP_OBJECT";
          default -> parameter.getStyle().name();
        };
    boolean explode = parameter.getExplode() != null ? parameter.getExplode() : style.equals("FORM");
    return new ParameterModel(
        parameter.getName(),
        parameterNames.claim(Names.lowerCamel(parameter.getName())),
        location,
        type,
        required,
        SchemaConverter.text(parameter.getDescription()),
        Boolean.TRUE.equals(parameter.getDeprecated()),
        style,
        explode,
        schema == null ? Optional.empty() : converter.defaultValue(schema),
        schema == null || !required || SchemaConverter.isNullable(schema)
            ? Optional.empty()
            : converter.onlyValue(schema),
        location == ParameterModel.Location.COOKIE || location != ParameterModel.Location.PATH && Sensitivity.ofParameter(parameter.getName(),
            parameter.getExtensions(), schema == null ? null : converter.resolve(schema), warnings, pointer));
  }

  /**
   * The body type of each 2xx response, in status order (200 before 201); empty for a response without content.
   * Inline schemas are named {@code <Operation>Response}, and {@code <Operation><Status>Response} after the first.
   */
  private Map<String, Optional<TypeRef>> successTypes(Operation operation, String typeContext,
      String operationPointer) {
    Map<String, Optional<TypeRef>> types = new LinkedHashMap<>();
    for (Map.Entry<String, ApiResponse> entry : successResponses(operation).entrySet()) {
      String code = entry.getKey();
      ApiResponse response = entry.getValue();
      String pointer = JsonPointer.child(JsonPointer.child(operationPointer, "responses"), code);
      String context = sharedResponseName(operation.getResponses().get(code), "Response")
          .orElse(typeContext + (types.values().stream().anyMatch(Optional::isPresent) ? code : "") + "Response");
      types.put(code, response == null ? Optional.empty() : bodyType(response, context, pointer));
    }
    return types;
  }

  private Optional<TypeRef> bodyType(ApiResponse response, String context, String pointer) {
    if (response.getContent() == null || response.getContent().isEmpty()) {
      return Optional.empty();
    }
    Optional<Map.Entry<String, MediaType>> json = jsonMedia(response.getContent());
    if (json.isEmpty() && response.getContent().keySet().stream()
        .allMatch(type -> type.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM))) {
      return Optional.empty();
    }
    if (json.isEmpty()) {
      if (response.getContent().keySet().stream().anyMatch(type -> type.toLowerCase(Locale.ROOT).startsWith("text/"))) {
        return Optional.of(TypeRef.scalar(TypeRef.ScalarKind.STRING));
      }
      // Any other media type (application/octet-stream, application/pdf, image/png) is returned as its bytes.
      return Optional.of(TypeRef.scalar(TypeRef.ScalarKind.BYTES));
    }
    Schema<?> schema = json.get().getValue().getSchema();
    return schema == null
        ? Optional.empty()
        : Optional.of(converter.typeOf(schema, context, JsonPointer.mediaSchema(pointer, json.get().getKey())));
  }

  /** The JSON body types the spec declares for error statuses (4xx, 5xx, their classes, and default). */
  private List<ErrorModel.DeclaredType> errorTypes(Operation operation, String typeContext, String operationPointer) {
    List<ErrorModel.DeclaredType> types = new ArrayList<>();
    if (operation.getResponses() == null) {
      return types;
    }
    for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
      String status = entry.getKey().toUpperCase(Locale.ROOT);
      boolean error = status.equals("DEFAULT") || status.startsWith("4") || status.startsWith("5");
      ApiResponse response = resolve(entry.getValue());
      if (!error || response == null) {
        continue;
      }
      Optional<Map.Entry<String, MediaType>> json = jsonMedia(response.getContent());
      if (json.isEmpty() || json.get().getValue().getSchema() == null) {
        continue;
      }
      String label = status.equals("DEFAULT") ? "default" : status;
      String pointer = JsonPointer.child(JsonPointer.child(operationPointer, "responses"), entry.getKey());
      String context = sharedResponseName(entry.getValue(), "Error")
          .orElse(typeContext + Names.upperCamel(label) + "Error");
      types.add(new ErrorModel.DeclaredType(label, converter.typeOf(json.get().getValue().getSchema(),
          context, JsonPointer.mediaSchema(pointer, json.get().getKey()))));
    }
    return types;
  }

  /**
   * For a response that is a {@code $ref} to {@code components/responses}, the name its inline body type gets: the
   * component's ({@code database_cluster} -> {@code DatabaseClusterResponse}, {@code unauthorized} -> {@code
   * UnauthorizedError}), the same for every operation that uses it, rather than the first operation's.
   */
  private static Optional<String> sharedResponseName(ApiResponse response, String kind) {
    String prefix = "#/components/responses/";
    if (response == null || response.get$ref() == null || !response.get$ref().startsWith(prefix)) {
      return Optional.empty();
    }
    String name = Names.typeName(response.get$ref().substring(prefix.length()));
    return Optional.of(name.endsWith(kind) || name.endsWith("Response") ? name : name + kind);
  }

  private ApiResponse resolve(ApiResponse response) {
    if (response == null || response.get$ref() == null) {
      return response;
    }
    String prefix = "#/components/responses/";
    if (response.get$ref().startsWith(prefix) && components.getResponses() != null) {
      return components.getResponses().get(response.get$ref().substring(prefix.length()));
    }
    return null;
  }

  /** The media type to read as JSON, with its name: {@code application/json} first, then any JSON or wildcard type. */
  private static Optional<Map.Entry<String, MediaType>> jsonMedia(Content content) {
    if (content == null) {
      return Optional.empty();
    }
    MediaType exact = content.get("application/json");
    if (exact != null) {
      return Optional.of(Map.entry("application/json", exact));
    }
    return content.entrySet().stream()
        .filter(e -> {
          String type = e.getKey().toLowerCase(Locale.ROOT);
          return type.contains("json") || type.equals("*/*");
        })
        .findFirst();
  }

  /** Every scheme named by any alternative of the operation's (or else the API's) security requirements. */
  private List<String> security(Operation operation) {
    List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
    Set<String> schemes = new LinkedHashSet<>();
    if (requirements != null) {
      requirements.forEach(requirement -> schemes.addAll(requirement.keySet()));
    }
    return List.copyOf(schemes);
  }
}
