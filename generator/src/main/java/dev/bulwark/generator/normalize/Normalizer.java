package dev.bulwark.generator.normalize;

import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import dev.bulwark.generator.extension.ExtensionReader;
import dev.bulwark.generator.extension.PaginationReader;
import dev.bulwark.generator.extension.PaginationSettings;
import dev.bulwark.generator.extension.StreamReader;
import dev.bulwark.generator.load.LoadedSpec;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.SecuritySchemeModel;
import dev.bulwark.generator.model.ServerModel;
import dev.bulwark.generator.model.ServiceModel;
import dev.bulwark.generator.naming.Names;
import dev.bulwark.generator.naming.UniqueNames;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 2 as a whole: {@link LoadedSpec} in, {@link ApiModel} out, plus the warnings met on the way. A new instance
 * per spec; the result holds no reference to the parser's objects.
 */
public final class Normalizer {
  private static final java.util.regex.Pattern PARSER_DEEP_REF =
      java.util.regex.Pattern.compile("\\$ref target (#/\\S+) is not of expected type Schema");
  /** The resolver's word for a reference to a schema that does not exist, which the converter reports better. */
  private static final java.util.regex.Pattern PARSER_MISSING_REF =
      java.util.regex.Pattern.compile("attribute \\S+\\.([^.\\s]+) is not of type `schema`");

  /** The model and what had to be approximated to build it. */
  public record Result(ApiModel model, List<SpecProblem> warnings) {}

  /**
   * Normalises a loaded spec.
   *
   * @param clientName the client class name, or empty to derive it from {@code info.title}
   */
  public Result normalize(LoadedSpec spec, Optional<String> clientName) throws GeneratorException {
    // Which inline classes several operations share is known only once every operation is converted; a second pass
    // gives those their shared names, and the classes nested in them names that follow.
    Pass first = pass(spec, clientName, Map.of());
    return first.sharedNames().isEmpty() ? first.result() : pass(spec, clientName, first.sharedNames()).result();
  }

  /** One conversion of the spec, and the names its shared inline classes should have. */
  private record Pass(Result result, Map<String, String> sharedNames) {}

  private Pass pass(LoadedSpec spec, Optional<String> clientName, Map<String, String> sharedNames)
      throws GeneratorException {
    OpenAPI api = spec.openApi();
    Warnings warnings = new Warnings(spec.file().toString());
    Components components = api.getComponents() == null ? new Components() : api.getComponents();
    Map<String, Schema<?>> schemas = new LinkedHashMap<>();
    if (components.getSchemas() != null) {
      components.getSchemas().forEach((name, schema) -> schemas.put(name, schema));
    }
    SchemaPointers pointers = new SchemaPointers(api, spec.definitions());
    SchemaConverter converter = new SchemaConverter(schemas, pointers, warnings, sharedNames);
    converter.convertComponents();

    String title = api.getInfo() == null ? "" : SchemaConverter.text(api.getInfo().getTitle());
    String client = clientName.filter(n -> !n.isBlank()).map(Names::typeName).orElseGet(() -> deriveClientName(title));
    List<SecuritySchemeModel> securitySchemes = securitySchemes(components, warnings, defaultBaseUrl(api.getServers()));
    ExtensionReader extensions = new ExtensionReader(spec.file().toString());
    List<ServiceModel> services = services(api, components, converter, warnings, client, extensions);
    if (!extensions.errors().isEmpty()) {
      throw new GeneratorException("The spec's extensions have invalid values.", extensions.errors());
    }

    ApiModel model = new ApiModel(
        title,
        api.getInfo() == null ? "" : SchemaConverter.text(api.getInfo().getVersion()),
        api.getInfo() == null ? "" : SchemaConverter.text(api.getInfo().getDescription()),
        client,
        spec.file().getFileName().toString(),
        defaultBaseUrl(api.getServers()),
        servers(api.getServers()),
        securitySchemes,
        converter.types(),
        services);
    // What the client loses comes first, then the parser's complaints, then the approximations.
    List<SpecProblem> parser = new ArrayList<>(spec.warnings());
    // The parser does not follow a $ref to a schema outside components/schemas; the converter does, so the parser's
    // complaint about one it found is not the user's problem.
    parser.removeIf(warning -> {
      java.util.regex.Matcher deepRef = PARSER_DEEP_REF.matcher(warning.message());
      return deepRef.find() && pointers.find(deepRef.group(1)) != null;
    });
    parser.removeIf(warning -> {
      java.util.regex.Matcher missing = PARSER_MISSING_REF.matcher(warning.message());
      return missing.find() && warnings.losses().stream().anyMatch(loss -> loss.message()
          .contains("'#/components/schemas/" + missing.group(1) + "'"));
    });
    List<SpecProblem> allWarnings = new ArrayList<>(warnings.losses());
    allWarnings.addAll(parser);
    allWarnings.addAll(warnings.others());
    return new Pass(new Result(model, allWarnings), converter.sharedNames());
  }

  private static String deriveClientName(String title) {
    String base = title.isBlank() ? "Api" : Names.typeName(title);
    // A title can be a sentence; the class name (and its file's) stays within what file systems allow.
    int room = UniqueNames.MAX_CLASS_NAME - "Client".length();
    base = base.length() > room ? base.substring(0, room) : base;
    return base.endsWith("Client") ? base : base + "Client";
  }

  private static List<ServiceModel> services(
      OpenAPI api, Components components, SchemaConverter converter, Warnings warnings, String clientName,
      ExtensionReader extensions) {
    List<OperationSource> all = new ArrayList<>();
    if (api.getPaths() != null) {
      for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
          all.add(new OperationSource(path.getKey(), path.getValue(), entry.getKey().name(), entry.getValue()));
        }
      }
    }
    Map<ServiceGroups.Group, List<OperationSource>> byTag = ServiceGroups.group(all);
    UniqueNames classNames = UniqueNames.forClasses();
    UniqueNames accessorNames = new UniqueNames().reserve(
        "close", "builder", "retryBudget", "toString", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait", "finalize",
        "clone");
    List<ServiceModel> services = new ArrayList<>();
    String untaggedBase = clientName.endsWith("Client")
        ? clientName.substring(0, clientName.length() - "Client".length())
        : clientName;
    boolean clientNamedLikeAGroup = byTag.keySet().stream()
        .anyMatch(group -> Names.typeName(group.name()).equalsIgnoreCase(Names.typeName(untaggedBase)));
    for (ServiceGroups.Group group : byTag.keySet()) {
      String base = !group.name().isEmpty() ? group.name()
          : untaggedBase.isEmpty() || clientNamedLikeAGroup ? "Default" : untaggedBase;
      String typeName = Names.typeName(base);
      // A tag named "Messaging Service" gives MessagingService, not MessagingServiceService.
      String className = classNames.claim(typeName.endsWith("Service") && typeName.length() > "Service".length()
          ? typeName : typeName + "Service");
      String accessor = accessorNames.claim(Names.lowerCamel(base));
      services.add(new ServiceModel(className, accessor, group.tag(), group.resource(),
          tagDescription(api, group.tag()), List.of()));
    }
    // Operation and parameter class names come after service names so that they never take one.
    OperationNormalizer operations = new OperationNormalizer(api, components, converter, warnings, classNames,
        new ResilienceResolver(api, extensions), new StreamReader(extensions));
    PaginationReader paginationReader = new PaginationReader(extensions);
    Map<OperationModel, PaginationSettings> paginated = new java.util.IdentityHashMap<>();
    Map<OperationModel, String> pageMethods = new java.util.IdentityHashMap<>();
    List<ServiceModel> result = new ArrayList<>();
    int index = 0;
    for (List<OperationSource> sources : byTag.values()) {
      ServiceModel service = services.get(index++);
      UniqueNames methodNames = new UniqueNames().reserve("withRawResponse");
      List<OperationModel> models = new ArrayList<>();
      for (OperationSource source : sources) {
        List<OperationModel> methods = operations.normalize(source, methodNames);
        OperationModel model = methods.get(0);
        paginationReader.read(source.operation().getExtensions(), source.pointer())
            .ifPresent(settings -> {
              paginated.put(model, settings);
              pageMethods.put(model, methodNames.claim(model.methodName() + "Pages"));
            });
        models.addAll(methods);
      }
      result.add(service.withOperations(models));
    }
    if (paginated.isEmpty()) {
      return result;
    }
    // Pointers are resolved against the types only now, when inline response types of every operation exist.
    PaginationResolver resolver = new PaginationResolver(converter.types(), extensions);
    List<ServiceModel> resolved = new ArrayList<>();
    for (ServiceModel service : result) {
      List<OperationModel> models = new ArrayList<>();
      for (OperationModel model : service.operations()) {
        PaginationSettings settings = paginated.get(model);
        models.add(settings == null ? model
            : resolver.resolve(model, settings, pageMethods.get(model)).map(model::withPagination).orElse(model));
      }
      resolved.add(service.withOperations(models));
    }
    return resolved;
  }

  private static String tagDescription(OpenAPI api, String tag) {
    if (api.getTags() == null || tag.isEmpty()) {
      return "";
    }
    return api.getTags().stream()
        .filter(t -> tag.equals(t.getName()))
        .map(t -> SchemaConverter.text(t.getDescription()))
        .findFirst()
        .orElse("");
  }

  private static List<SecuritySchemeModel> securitySchemes(Components components, Warnings warnings,
      Optional<String> baseUrl) {
    List<SecuritySchemeModel> result = new ArrayList<>();
    if (components.getSecuritySchemes() == null) {
      return result;
    }
    // The client builder's own methods, which a scheme's setter must not take.
    UniqueNames setters = new UniqueNames().reserve("baseUrl", "server", "okHttpClient", "build", "userAgent",
        "retryPolicy", "retryPolicyProvider", "timeouts", "retryBudget", "listener", "eventListener", "interceptor",
        "logOptions", "correlationIdHeader", "attemptHeader", "callbackExecutor", "redirects", "maxResponseBodyBytes",
        "jitterSeed", "sleeper", "ticker", "clock", "context", "strictResponses");
    for (Map.Entry<String, SecurityScheme> entry : components.getSecuritySchemes().entrySet()) {
      String name = entry.getKey();
      SecurityScheme scheme = entry.getValue();
      String pointer = JsonPointer.child("/components/securitySchemes", name);
      SecuritySchemeModel.Kind kind = null;
      String parameterName = "";
      Optional<String> tokenUrl = Optional.empty();
      List<String> scopes = List.of();
      if (scheme.getType() == null) {
        warnings.add(pointer, "security scheme without a type; the client cannot send its credentials");
        continue;
      }
      switch (scheme.getType()) {
        case HTTP:
          String httpScheme = scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(java.util.Locale.ROOT);
          if (httpScheme.equals("basic")) {
            kind = SecuritySchemeModel.Kind.BASIC;
          } else if (httpScheme.equals("bearer")) {
            kind = SecuritySchemeModel.Kind.BEARER;
          } else {
            warnings.add(pointer, "HTTP scheme '" + scheme.getScheme() + "' is not supported; credentials are not sent");
          }
          break;
        case APIKEY:
          parameterName = scheme.getName() == null ? name : scheme.getName();
          if (scheme.getIn() == SecurityScheme.In.QUERY) {
            kind = SecuritySchemeModel.Kind.API_KEY_QUERY;
          } else if (scheme.getIn() == SecurityScheme.In.COOKIE) {
            kind = SecuritySchemeModel.Kind.API_KEY_COOKIE;
          } else {
            kind = SecuritySchemeModel.Kind.API_KEY_HEADER;
          }
          break;
        case OAUTH2:
          kind = SecuritySchemeModel.Kind.BEARER;
          var flow = scheme.getFlows() == null ? null : scheme.getFlows().getClientCredentials();
          if (flow != null && flow.getTokenUrl() != null) {
            tokenUrl = absoluteTokenUrl(flow.getTokenUrl(), baseUrl);
            if (tokenUrl.isEmpty()) {
              warnings.add(JsonPointer.child(pointer, "flows/clientCredentials/tokenUrl"), "token URL '"
                  + flow.getTokenUrl() + "' is not absolute and no server URL resolves it; pass OAuth2ClientCredentials"
                  + " with the right URL to the client builder");
            }
            scopes = flow.getScopes() == null ? List.of() : List.copyOf(flow.getScopes().keySet());
          }
          break;
        case OPENIDCONNECT:
          // Discovery is left to the caller, who passes the access token obtained.
          kind = SecuritySchemeModel.Kind.BEARER;
          break;
        default:
          warnings.add(pointer, "security scheme type " + scheme.getType() + " is not supported; credentials are not sent");
      }
      if (kind != null) {
        result.add(new SecuritySchemeModel(name, setters.claim(Names.lowerCamel(name)), kind, parameterName, tokenUrl,
            scopes));
      }
    }
    return result;
  }

  private static Optional<String> absoluteTokenUrl(String tokenUrl, Optional<String> baseUrl) {
    if (tokenUrl.startsWith("http://") || tokenUrl.startsWith("https://")) {
      return Optional.of(tokenUrl);
    }
    return baseUrl.map(base -> java.net.URI.create(base.endsWith("/") ? base : base + "/")
        .resolve(tokenUrl).toString());
  }

  private static List<ServerModel> servers(List<Server> servers) {
    List<ServerModel> result = new ArrayList<>();
    if (servers == null) {
      return result;
    }
    UniqueNames constants = new UniqueNames().reserve("DEFAULT_BASE_URL");
    for (int i = 0; i < servers.size(); i++) {
      Server server = servers.get(i);
      if (server.getUrl() == null) {
        continue;
      }
      String description = SchemaConverter.text(server.getDescription());
      String words = String.join(" ", java.util.Arrays.stream(description.split("[^A-Za-z0-9]+"))
          .filter(w -> !w.isEmpty()).limit(4).toList());
      String base = words.isEmpty() ? "SERVER_" + (i + 1) : Names.upperSnake(words);
      base = base.startsWith("SERVER") || base.endsWith("SERVER") ? base : base + "_SERVER";
      List<ServerModel.Variable> variables = new ArrayList<>();
      if (server.getVariables() != null) {
        server.getVariables().forEach((name, variable) -> variables.add(new ServerModel.Variable(name,
            variable.getDefault() == null ? "" : variable.getDefault(),
            variable.getEnum() == null ? List.of() : variable.getEnum())));
      }
      result.add(new ServerModel(constants.claim(base),
          server.getUrl(), description, variables));
    }
    return result;
  }

  /** A server's URL with each variable at its default. */
  static String withDefaults(Server server) {
    String url = server.getUrl();
    if (server.getVariables() != null) {
      for (var variable : server.getVariables().entrySet()) {
        if (variable.getValue().getDefault() != null) {
          url = url.replace("{" + variable.getKey() + "}", variable.getValue().getDefault());
        }
      }
    }
    return url;
  }

  private static Optional<String> defaultBaseUrl(List<Server> servers) {
    if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
      return Optional.empty();
    }
    String url = withDefaults(servers.get(0));
    boolean absolute = url.startsWith("http://") || url.startsWith("https://");
    return absolute && !url.contains("{") ? Optional.of(url) : Optional.empty();
  }

  /** One operation with the path it sits on, before normalising. */
  record OperationSource(String path, PathItem pathItem, String method, Operation operation) {

    /** Where the operation sits in the spec: {@code /paths/~1pets/get}. */
    String pointer() {
      return JsonPointer.child(JsonPointer.child("/paths", path), method.toLowerCase(java.util.Locale.ROOT));
    }
  }
}
