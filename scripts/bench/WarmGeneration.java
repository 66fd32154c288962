import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Generates every spec of a directory several times in one JVM with one tool (Bulwark or OpenAPI Generator), as a
 * long-lived build JVM (the Maven daemon, an IDE) would, and prints the time of each spec in the last pass.
 * Run with the tool's jar on the class path: {@code java -cp JAR WarmGeneration.java bulwark|oag DIR PASSES}.
 * The tools are called by reflection, so that one source serves both class paths.
 */
public class WarmGeneration {
  public static void main(String[] args) throws Exception {
    String tool = args[0];
    List<Path> specs;
    try (Stream<Path> files = Files.list(Path.of(args[1]))) {
      specs = files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    int passes = Integer.parseInt(args[2]);
    Path work = Files.createTempDirectory("warm-generation");
    PrintStream out = System.out;
    List<String> lines = new ArrayList<>();
    long total = 0;
    for (int pass = 1; pass <= passes; pass++) {
      lines.clear();
      total = 0;
      for (Path spec : specs) {
        Path target = work.resolve(spec.getFileName().toString());
        long start = System.nanoTime();
        if (tool.equals("bulwark")) {
          bulwark(spec, target);
        } else {
          openApiGenerator(spec, target);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        total += ms;
        lines.add(String.format("%-32s %8.1f", spec.getFileName(), ms / 1000.0));
        delete(target);
      }
      out.printf("pass %d: %.1f s%n", pass, total / 1000.0);
    }
    lines.forEach(out::println);
    out.printf("%-32s %8.1f%n", "total (last pass)", total / 1000.0);
  }

  private static void bulwark(Path spec, Path target) throws Exception {
    Class<?> generator = Class.forName("dev.bulwark.generator.Generator");
    Class<?> options = Class.forName("dev.bulwark.generator.Generator$Options");
    Object value = options.getConstructor(Path.class, String.class, Optional.class, Path.class)
        .newInstance(spec, "com.example.bench", Optional.empty(), target);
    generator.getMethod("generate", options).invoke(generator.getConstructor().newInstance(), value);
  }

  private static void openApiGenerator(Path spec, Path target) throws Exception {
    Class<?> configuratorClass = Class.forName("org.openapitools.codegen.config.CodegenConfigurator");
    Object configurator = configuratorClass.getConstructor().newInstance();
    configuratorClass.getMethod("setGeneratorName", String.class).invoke(configurator, "java");
    configuratorClass.getMethod("setLibrary", String.class).invoke(configurator, "okhttp-gson");
    configuratorClass.getMethod("setInputSpec", String.class).invoke(configurator, spec.toString());
    configuratorClass.getMethod("setOutputDir", String.class).invoke(configurator, target.toString());
    configuratorClass.getMethod("setPackageName", String.class).invoke(configurator, "com.example.bench");
    configuratorClass.getMethod("setValidateSpec", boolean.class).invoke(configurator, false);
    Object input = configuratorClass.getMethod("toClientOptInput").invoke(configurator);
    Class<?> generatorClass = Class.forName("org.openapitools.codegen.DefaultGenerator");
    Object generator = generatorClass.getConstructor().newInstance();
    generatorClass.getMethod("opts", Class.forName("org.openapitools.codegen.ClientOptInput"))
        .invoke(generator, input);
    generatorClass.getMethod("generate").invoke(generator);
  }

  private static void delete(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
