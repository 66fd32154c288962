package dev.bulwark.generator.docs;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.BodyModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.ParameterModel;
import dev.bulwark.generator.model.SecuritySchemeModel;
import dev.bulwark.generator.model.ServiceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Renders the generated SDK's README from {@code README.md.mustache}: setup, and one usage snippet per operation. */
public final class ReadmeRenderer {
  private static final String TEMPLATE = "/dev/bulwark/templates/README.md.mustache";

  private final Template template;

  public ReadmeRenderer() {
    try (InputStream in = ReadmeRenderer.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("the templates jar is missing " + TEMPLATE + "; is bulwark-templates on the classpath?");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        this.template = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).defaultValue("").compile(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bulwark-runtime version generated clients depend on, as the build that made this generator set it (a
   * snapshot is named as such, since no other exists); the generator's own version where the build did not.
   */
  static final String RUNTIME_VERSION = runtimeVersion();

  private static String runtimeVersion() {
    java.util.Properties properties = new java.util.Properties();
    try (java.io.InputStream in = ReadmeRenderer.class.getResourceAsStream("/dev/bulwark/generator/bulwark.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Unreadable: fall back to the generator's version.
    }
    String version = properties.getProperty("runtime.version", "");
    return version.isEmpty() || version.startsWith("${") ? dev.bulwark.generator.Generator.VERSION : version;
  }

  public String render(ApiModel api, String packageName, String generatorVersion) {
    java.util.Map<String, dev.bulwark.generator.model.TypeModel> types = new java.util.HashMap<>();
    api.types().forEach(type -> types.put(type.name(), type));
    List<ServiceView> services = new ArrayList<>();
    for (ServiceModel service : api.services()) {
      List<OperationView> operations = new ArrayList<>();
      for (OperationModel operation : service.operations()) {
        operations.add(new OperationView(operation.methodName(), operation.httpMethod(), operation.path(),
            operation.summary(), snippet(service, operation, types)));
      }
      services.add(new ServiceView(service.accessorName(), service.tag(), operations));
    }
    List<SchemeView> schemes = api.securitySchemes().stream()
        .map(s -> new SchemeView(s.setterName(), s.kind() == SecuritySchemeModel.Kind.BASIC
            ? "\"user\", \"password\""
            : "System.getenv(\"" + s.name().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "\")"))
        .toList();
    return template.execute(new ReadmeView(
        api.clientName(), api.title(), api.version(), api.description(), api.specFileName(), generatorVersion,
        RUNTIME_VERSION,
        packageName, api.defaultBaseUrl().orElse("https://api.example.com"), schemes, services));
  }

  /**
   * {@code var result = client.pets().getPet(7L);}: the form that takes the required values where the client offers
   * it (no two of them of one type, and no body the spec does not say may be left out), else the parameters object;
   * each value an example of its type, never a bare name.
   */
  private static String snippet(ServiceModel service, OperationModel operation,
      java.util.Map<String, dev.bulwark.generator.model.TypeModel> types) {
    List<String> arguments = new ArrayList<>();
    List<dev.bulwark.generator.model.TypeRef> shown = new ArrayList<>();
    StringBuilder params = new StringBuilder(operation.paramsClassName()).append(".builder()");
    for (ParameterModel parameter : operation.requiredParameters()) {
      String value = example(parameter.type(), types);
      arguments.add(value);
      shown.add(parameter.type());
      params.append('.').append(parameter.javaName()).append('(').append(value).append(')');
    }
    boolean bodyLeftOut = operation.body().filter(body -> !body.required() && !body.omittable()).isPresent();
    operation.body().filter(BodyModel::required).filter(body -> body.parts().isEmpty()).ifPresent(body -> {
      String value = example(body.type(), types);
      arguments.add(value);
      shown.add(body.type());
      params.append('.').append(body.javaName()).append('(').append(value).append(')');
    });
    boolean positional = !bodyLeftOut && shown.stream().distinct().count() == shown.size()
        && operation.body().filter(body -> !body.parts().isEmpty()).isEmpty();
    String call = "client." + service.accessorName() + "()." + operation.methodName() + "("
        + (positional ? String.join(", ", arguments) : params + ".build()") + ");";
    return operation.responseType().isPresent() ? "var result = " + call : call;
  }

  /** A value of the type as a caller would write one. */
  private static String example(dev.bulwark.generator.model.TypeRef type,
      java.util.Map<String, dev.bulwark.generator.model.TypeModel> types) {
    return example(type, types, 0);
  }

  private static String example(dev.bulwark.generator.model.TypeRef type,
      java.util.Map<String, dev.bulwark.generator.model.TypeModel> types, int depth) {
    if (type instanceof dev.bulwark.generator.model.TypeRef.Scalar scalar) {
      return switch (scalar.kind()) {
        case STRING -> "\"value\"";
        case INT32 -> "1";
        case INT64 -> "7L";
        case FLOAT -> "1.5f";
        case DOUBLE -> "1.5";
        case DECIMAL -> "new BigDecimal(\"9.99\")";
        case BOOLEAN -> "true";
        case DATE -> "LocalDate.parse(\"2026-01-31\")";
        case DATE_TIME -> "OffsetDateTime.parse(\"2026-01-31T12:00:00Z\")";
        case UUID -> "UUID.fromString(\"3f2c1b9e-8d4a-4b6e-9c1d-2a7e5f0b8c3d\")";
        case URI -> "URI.create(\"https://example.com\")";
        case ANY -> "Map.of()";
        case BYTES, FILE -> "BinaryBody.of(Path.of(\"file.bin\"))";
      };
    }
    if (type instanceof dev.bulwark.generator.model.TypeRef.ListOf list) {
      return "List.of(" + example(list.element(), types, depth + 1) + ")";
    }
    if (type instanceof dev.bulwark.generator.model.TypeRef.MapOf map) {
      return "Map.of(\"key\", " + example(map.value(), types, depth + 1) + ")";
    }
    String name = ((dev.bulwark.generator.model.TypeRef.Named) type).name();
    dev.bulwark.generator.model.TypeModel model = types.get(name);
    if (model instanceof dev.bulwark.generator.model.EnumModel enumModel && !enumModel.constants().isEmpty()) {
      return name + "." + enumModel.constants().get(0).javaName();
    }
    // A union whose first variant leads back to it would not end: a few levels, then a placeholder.
    if (model instanceof dev.bulwark.generator.model.UnionModel union && depth < 3) {
      var variant = union.variants().get(0);
      return name + ".of" + variant.label() + "(" + example(variant.type(), types, depth + 1) + ")";
    }
    return name + ".builder()/* ... */.build()";
  }

  public record ReadmeView(
      String clientName, String title, String version, String description, String specFileName,
      String generatorVersion, String runtimeVersion, String packageName, String baseUrlExample,
      List<SchemeView> securitySchemes,
      List<ServiceView> services) {}

  public record SchemeView(String setterName, String arguments) {}

  public record ServiceView(String accessorName, String tag, List<OperationView> operations) {}

  public record OperationView(String methodName, String httpMethod, String path, String summary, String snippet) {}
}
