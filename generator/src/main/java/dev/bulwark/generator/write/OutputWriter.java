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
 * timestamp stays and incremental compilers skip it. A file the previous run generated and this run does not (a
 * removed model or operation) is deleted, so nothing stale is compiled; the list of generated files is kept in
 * {@value #MANIFEST}, and only files on that list are ever deleted.
 */
public final class OutputWriter {
  /** The list of files the last run generated, relative to the output directory. */
  public static final String MANIFEST = ".bulwark-generated";

  /** What a write did. */
  public record Report(List<Path> written, List<Path> unchanged, List<Path> deleted) {
    public Report {
      written = List.copyOf(written);
      unchanged = List.copyOf(unchanged);
      deleted = List.copyOf(deleted);
    }
  }

  /**
   * Writes Java files as a source root under {@code outputDirectory} ({@code com/example/Pet.java}) and each other
   * file at its relative path.
   */
  public Report write(Path outputDirectory, List<JavaFile> javaFiles, Map<String, String> otherFiles)
      throws IOException {
    Map<Path, String> contents = new LinkedHashMap<>();
    // Rendering is most of the generator's time and each file renders alone: in parallel, collected in order.
    List<String> rendered = dev.bulwark.generator.Parallel.where(javaFiles.stream())
        .map(JavaFile::toString).toList();
    for (int i = 0; i < javaFiles.size(); i++) {
      JavaFile file = javaFiles.get(i);
      Path path = outputDirectory.resolve(file.packageName().replace('.', '/'))
          .resolve(file.typeSpec().name() + ".java");
      contents.put(path.normalize(), rendered.get(i));
    }
    otherFiles.forEach((relative, content) -> contents.put(outputDirectory.resolve(relative).normalize(), content));

    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    List<Path> deleted = new ArrayList<>();
    Path manifest = outputDirectory.resolve(MANIFEST);
    if (Files.isRegularFile(manifest)) {
      for (String relative : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        Path previous = outputDirectory.resolve(relative).normalize();
        if (!relative.isBlank() && previous.startsWith(outputDirectory.normalize()) && !contents.containsKey(previous)
            && Files.deleteIfExists(previous)) {
          deleted.add(previous);
        }
      }
    }
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
    List<String> generated = new ArrayList<>();
    for (Path path : contents.keySet()) {
      generated.add(outputDirectory.relativize(path).toString().replace('\\', '/'));
    }
    java.util.Collections.sort(generated);
    String listing = String.join("\n", generated) + "\n";
    if (!Files.isRegularFile(manifest) || !Files.readString(manifest, StandardCharsets.UTF_8).equals(listing)) {
      Files.createDirectories(outputDirectory);
      Files.writeString(manifest, listing, StandardCharsets.UTF_8);
    }
    return new Report(written, unchanged, deleted);
  }
}
