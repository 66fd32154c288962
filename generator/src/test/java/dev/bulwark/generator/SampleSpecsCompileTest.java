package dev.bulwark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample spec generates a client that javac compiles with {@code -Xlint:all} and no warning. */
class SampleSpecsCompileTest {

  static Stream<Path> samples() throws IOException {
    return TestSpecs.allSamples().stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void generatedClientCompilesWithoutWarnings(Path spec, @TempDir Path work) throws Exception {
    Path sources = work.resolve("src");
    Generator.Result result = new Generator().generate(
        new Generator.Options(spec, "com.example.sample", Optional.empty(), sources));

    assertThat(result.files().written()).isNotEmpty();
    JavaCompilation.Outcome outcome = JavaCompilation.compile(sources, work.resolve("classes"));
    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.warnings()).isEmpty();
    assertThat(outcome.success()).isTrue();
    assertThat(Files.exists(work.resolve("classes/com/example/sample/" + result.model().clientName() + ".class")))
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void generationIsDeterministic(Path spec, @TempDir Path work) throws Exception {
    Generator generator = new Generator();
    generator.generate(new Generator.Options(spec, "com.example.sample", Optional.empty(), work.resolve("a")));
    Generator.Result second = generator.generate(
        new Generator.Options(spec, "com.example.sample", Optional.empty(), work.resolve("a")));

    // The second run into the same directory finds every file byte-identical and rewrites none.
    assertThat(second.files().written()).isEmpty();
    assertThat(second.files().unchanged()).isNotEmpty();
  }
}
