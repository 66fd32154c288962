package dev.bulwark.generator;

import com.palantir.javapoet.JavaFile;
import dev.bulwark.generator.docs.ReadmeRenderer;
import dev.bulwark.generator.emit.JavaEmitter;
import dev.bulwark.generator.lint.ResilienceLint;
import dev.bulwark.generator.load.LoadedSpec;
import dev.bulwark.generator.load.RootSettings;
import dev.bulwark.generator.load.SpecAccess;
import dev.bulwark.generator.load.SpecLines;
import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.normalize.Normalizer;
import dev.bulwark.generator.write.Fingerprint;
import dev.bulwark.generator.write.OutputWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The whole pipeline: load, normalise, emit, write. Each stage is a class of its own and can be run alone; this class
 * only strings them together for the command line and the Maven plugin.
 */
public final class Generator {
  /** The generator's version, written into every generated file's header. */
  public static final String VERSION = "0.1.0";

  /**
   * Identifies the generator's own code, so that a rebuilt generator (a snapshot, a local change) regenerates even
   * when its version number is the same.
   */
  private static final String BUILD_ID = codeId(Generator.class) + "," + codeId(ReadmeRenderer.class);

  private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");

  /**
   * What to generate.
   *
   * @param clientName the client class name; empty derives it from the spec's {@code info.title}
   * @param incremental skip generation when the output's fingerprint shows nothing changed
   * @param access what the generator may read besides the spec: other folders, remote references
   * @param docsBaseUrl where relative links in the spec's descriptions point (an absolute http or https URL, such as
   *     the API's documentation site); without it such links become their text
   * @param overlays OpenAPI Overlay documents applied to the spec, in order, before it is read; see
   *     {@link dev.bulwark.generator.load.Overlays}
   * @param rootSettings resilience settings applied as if written at the spec's root, before the overlays
   */
  public record Options(
      Path spec, String packageName, Optional<String> clientName, Path outputDirectory, boolean incremental,
      SpecAccess access, Optional<URI> docsBaseUrl, List<Path> overlays, RootSettings rootSettings) {

    public Options {
      overlays = List.copyOf(overlays);
    }

    /** Options without root settings. */
    public Options(Path spec, String packageName, Optional<String> clientName, Path outputDirectory,
        boolean incremental, SpecAccess access, Optional<URI> docsBaseUrl, List<Path> overlays) {
      this(spec, packageName, clientName, outputDirectory, incremental, access, docsBaseUrl, overlays,
          RootSettings.NONE);
    }

    /** Options without overlays. */
    public Options(Path spec, String packageName, Optional<String> clientName, Path outputDirectory,
        boolean incremental, SpecAccess access, Optional<URI> docsBaseUrl) {
      this(spec, packageName, clientName, outputDirectory, incremental, access, docsBaseUrl, List.of());
    }

    /** Options whose relative description links become their text. */
    public Options(Path spec, String packageName, Optional<String> clientName, Path outputDirectory,
        boolean incremental, SpecAccess access) {
      this(spec, packageName, clientName, outputDirectory, incremental, access, Optional.empty());
    }

    /** Options that read files under the spec's own folder only, and nothing remote. */
    public Options(Path spec, String packageName, Optional<String> clientName, Path outputDirectory,
        boolean incremental) {
      this(spec, packageName, clientName, outputDirectory, incremental, SpecAccess.defaults());
    }

    /** Options for a full generation, whatever the output holds. */
    public Options(Path spec, String packageName, Optional<String> clientName, Path outputDirectory) {
      this(spec, packageName, clientName, outputDirectory, false);
    }
  }

  /**
   * What a run produced.
   *
   * @param model the API model; {@code null} when the output was up to date and nothing was read
   */
  public record Result(
      ApiModel model, List<SpecProblem> warnings, OutputWriter.Report files,
      boolean upToDate) {

    /** The client class name, when the spec was read. */
    public String clientName() {
      return model == null ? "" : model.clientName();
    }
  }

  /**
   * Runs every stage.
   *
   * @throws GeneratorException when the spec or the options are unusable; the message lists every problem
   * @throws IOException when the output cannot be written
   */
  public Result generate(Options options) throws GeneratorException, IOException {
    if (!PACKAGE.matcher(options.packageName()).matches()) {
      throw new GeneratorException("Invalid options.", List.of(new SpecProblem("package", "", OptionalInt.empty(),
          "'" + options.packageName() + "' is not a Java package name; use lower-case words joined by dots,"
              + " such as com.example.petstore")));
    }
    for (String segment : options.packageName().split("\\.")) {
      if (javax.lang.model.SourceVersion.isKeyword(segment)) {
        throw new GeneratorException("Invalid options.", List.of(new SpecProblem("package", "", OptionalInt.empty(),
            "'" + options.packageName() + "' has the Java keyword '" + segment + "' as a part, which no package"
                + " may have; use another word, such as " + segment + "s or " + segment + "_")));
      }
    }
    Optional<URI> docsBase = options.docsBaseUrl();
    if (docsBase.isPresent() && !(docsBase.get().isAbsolute() && docsBase.get().getHost() != null
        && List.of("http", "https").contains(docsBase.get().getScheme().toLowerCase(java.util.Locale.ROOT)))) {
      throw new GeneratorException("Invalid options.", List.of(new SpecProblem("docsBaseUrl", "", OptionalInt.empty(),
          "'" + docsBase.get() + "' is not an absolute http or https URL; give the site that the spec's relative"
              + " links point into, such as https://docs.example.com")));
    }
    String settings = "package=" + options.packageName() + " client=" + options.clientName().orElse("")
        + " build=" + BUILD_ID + " access=" + options.access() + " docs=" + docsBase.map(URI::toString).orElse("")
        + " overlays=" + options.overlays() + " root=" + options.rootSettings();
    if (options.incremental()
        && Fingerprint.upToDate(options.outputDirectory(), VERSION, settings)) {
      return new Result(null, List.of(), new OutputWriter.Report(List.of(), List.of(), List.of()), true);
    }
    Read read = read(options.spec(), options.clientName(), options.access(), options.overlays(),
        options.rootSettings());
    Normalizer.Result normalized = read.normalized();
    String fingerprint = Fingerprint.of(VERSION, settings, read.inputs());
    ApiModel model = normalized.model();
    List<SpecProblem> warnings = located(options.spec(), normalized.warnings(),
        new ResilienceLint().lint(model, options.spec().toString()).warnings());
    String readme = new ReadmeRenderer().render(model, options.packageName(), VERSION);
    OutputWriter.Report report = new OutputWriter().write(options.outputDirectory(),
        new JavaEmitter(options.packageName(), model.specFileName(), VERSION, docsBase).files(model),
        Map.of("README.md", readme));
    Fingerprint.store(options.outputDirectory(), fingerprint);
    return new Result(model, warnings, report, false);
  }

  /**
   * Loads, normalises and lints the spec without writing anything: the warnings (the parser's, the normaliser's
   * approximations and the resilience hazards) and each operation's resilience plan.
   */
  public ResilienceLint.Report check(Path spec) throws GeneratorException {
    return check(spec, SpecAccess.defaults());
  }

  /** {@link #check(Path)}, reading what {@code access} allows besides the spec's own folder. */
  public ResilienceLint.Report check(Path spec, SpecAccess access) throws GeneratorException {
    return check(spec, access, List.of());
  }

  /** {@link #check(Path, SpecAccess)} with {@code overlays} applied to the spec first. */
  public ResilienceLint.Report check(Path spec, SpecAccess access, List<Path> overlays) throws GeneratorException {
    return check(spec, access, overlays, RootSettings.NONE);
  }

  /** {@link #check(Path, SpecAccess, List)} with a build's root settings applied first. */
  public ResilienceLint.Report check(Path spec, SpecAccess access, List<Path> overlays, RootSettings settings)
      throws GeneratorException {
    Normalizer.Result normalized = read(spec, Optional.empty(), access, overlays, settings).normalized();
    ResilienceLint.Report lint = new ResilienceLint().lint(normalized.model(), spec.toString());
    return new ResilienceLint.Report(located(spec, normalized.warnings(), lint.warnings()), lint.plan());
  }

  /** The normaliser's and the lint's warnings, in that order, with the lines of the spec they point at. */
  private static List<SpecProblem> located(Path spec, List<SpecProblem> normalizer, List<SpecProblem> lint) {
    // An operation with a method per body kind is linted once per method, with the same findings.
    java.util.Set<SpecProblem> warnings = new java.util.LinkedHashSet<>(normalizer);
    warnings.addAll(lint);
    return SpecLines.locate(spec, List.copyOf(warnings));
  }

  private static String codeId(Class<?> type) {
    try {
      java.net.URL location = type.getProtectionDomain().getCodeSource().getLocation();
      Path path = Path.of(location.toURI());
      if (java.nio.file.Files.isRegularFile(path)) {
        return java.nio.file.Files.size(path) + ":" + java.nio.file.Files.getLastModifiedTime(path).toMillis();
      }
      Path classFile = path.resolve(type.getName().replace('.', '/') + ".class");
      return "dir:" + java.nio.file.Files.getLastModifiedTime(classFile).toMillis();
    } catch (Exception e) {
      // Unknown origin: fall back to the version alone.
      return "unknown";
    }
  }

  /** Loads and normalises; a method of its own so that the parser's objects are unreachable while emitting. */
  private static Read read(Path file, Optional<String> clientName, SpecAccess access, List<Path> overlays,
      RootSettings settings) throws GeneratorException {
    LoadedSpec spec = new SpecLoader().load(file, access, overlays, settings);
    List<Path> inputs = new java.util.ArrayList<>(spec.inputs());
    inputs.addAll(overlays);
    try {
      return new Read(new Normalizer().normalize(spec, clientName), List.copyOf(inputs));
    } catch (GeneratorException e) {
      throw e.withProblems(SpecLines.locate(file, e.problems()));
    }
  }

  /** A normalised spec and the files it was read from. */
  private record Read(Normalizer.Result normalized, List<Path> inputs) {}
}
