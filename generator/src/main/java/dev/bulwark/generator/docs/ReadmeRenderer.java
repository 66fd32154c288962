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
    List<ServiceView> services = new ArrayList<>();
    for (ServiceModel service : api.services()) {
      List<OperationView> operations = new ArrayList<>();
      for (OperationModel operation : service.operations()) {
        operations.add(new OperationView(operation.methodName(), operation.httpMethod(), operation.path(),
            operation.summary(), snippet(service, operation)));
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

  /** {@code Pet result = client.pets().getPet(petId);} using the overload that takes the required values. */
  private static String snippet(ServiceModel service, OperationModel operation) {
    List<String> arguments = new ArrayList<>();
    for (ParameterModel parameter : operation.requiredParameters()) {
      arguments.add(parameter.javaName());
    }
    operation.body().filter(BodyModel::required).ifPresent(body -> arguments.add(body.javaName()));
    String call = "client." + service.accessorName() + "()." + operation.methodName()
        + "(" + String.join(", ", arguments) + ");";
    return operation.responseType().isPresent() ? "var result = " + call : call;
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
