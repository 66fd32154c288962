package dev.bulwark.generator.write;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes generated files under an output directory. A file whose content is unchanged is not rewritten, so that its
 * timestamp stays and incremental compilers skip it.
 */
public final class OutputWriter {

  /** What a write did. */
  public record Report(List<Path> written, List<Path> unchanged) {
    public Report {
      written = List.copyOf(written);
      unchanged = List.copyOf(unchanged);
    }
  }

  /**
   * Writes Java files as a source root under {@code outputDirectory} ({@code com/example/Pet.java}) and each other
   * file at its relative path.
   */
  public Report write(Path outputDirectory, List<JavaFile> javaFiles, Map<String, String> otherFiles)
      throws IOException {
    Map<Path, String> contents = new LinkedHashMap<>();
    for (JavaFile file : javaFiles) {
      Path path = outputDirectory.resolve(file.packageName().replace('.', '/'))
          .resolve(file.typeSpec().name() + ".java");
      contents.put(path, file.toString());
    }
    otherFiles.forEach((relative, content) -> contents.put(outputDirectory.resolve(relative), content));

    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    for (Map.Entry<Path, String> entry : contents.entrySet()) {
      byte[] bytes = entry.getValue().getBytes(StandardCharsets.UTF_8);
      Path path = entry.getKey();
      if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), bytes)) {
        unchanged.add(path);
        continue;
      }
      Files.createDirectories(path.getParent());
      Files.write(path, bytes);
      written.add(path);
    }
    return new Report(written, unchanged);
  }
}
