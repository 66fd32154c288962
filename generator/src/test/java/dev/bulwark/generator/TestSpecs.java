package dev.bulwark.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find the project's sample specs. */
public final class TestSpecs {
  private TestSpecs() {}

  /** The {@code sample-specs/} directory of the project. */
  public static Path sampleDirectory() {
    return Path.of(System.getProperty("bulwark.sampleSpecs", "../sample-specs"));
  }

  public static Path sample(String fileName) {
    return sampleDirectory().resolve(fileName);
  }

  /** Every OpenAPI document in {@code sample-specs/} (YAML or JSON, not in subfolders). */
  public static List<Path> allSamples() throws IOException {
    try (Stream<Path> files = Files.list(sampleDirectory())) {
      return files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
  }
}
