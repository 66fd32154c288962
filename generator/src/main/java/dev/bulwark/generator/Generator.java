package dev.bulwark.generator;

import com.palantir.javapoet.JavaFile;
import dev.bulwark.generator.docs.ReadmeRenderer;
import dev.bulwark.generator.emit.JavaEmitter;
import dev.bulwark.generator.load.LoadedSpec;
import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.normalize.Normalizer;
import dev.bulwark.generator.write.OutputWriter;
import java.io.IOException;
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

  private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");

  /**
   * What to generate.
   *
   * @param clientName the client class name; empty derives it from the spec's {@code info.title}
   */
  public record Options(Path spec, String packageName, Optional<String> clientName, Path outputDirectory) {}

  /** What a run produced. */
  public record Result(ApiModel model, List<SpecProblem> warnings, OutputWriter.Report files) {}

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
    LoadedSpec spec = new SpecLoader().load(options.spec());
    Normalizer.Result normalized = new Normalizer().normalize(spec, options.clientName());
    ApiModel model = normalized.model();
    List<JavaFile> javaFiles = new JavaEmitter(options.packageName(), model.specFileName(), VERSION).emit(model);
    String readme = new ReadmeRenderer().render(model, options.packageName(), VERSION);
    OutputWriter.Report report = new OutputWriter().write(options.outputDirectory(), javaFiles, Map.of("README.md", readme));
    return new Result(model, normalized.warnings(), report);
  }
}
