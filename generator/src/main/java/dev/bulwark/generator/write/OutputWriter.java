package dev.bulwark.generator.write;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.stream.Stream;
import java.io.UncheckedIOException;

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
    return write(outputDirectory, javaFiles.stream(), otherFiles);
  }

  /**
   * {@link #write(Path, List, Map)} for files made as the stream is consumed: each is rendered and written, then
   * dropped, so that the whole client is never held in memory at once (for the largest specs, that halves the heap
   * and the collector's work).
   */
  public Report write(Path outputDirectory, Stream<JavaFile> javaFiles, Map<String, String> otherFiles)
      throws IOException {
    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    List<Path> deleted = new ArrayList<>();
    Set<Path> produced = new LinkedHashSet<>();
    try {
      // Rendering is most of the generator's time and each file renders alone: in parallel where that pays, written
      // in order.
      dev.bulwark.generator.Parallel.where(javaFiles)
          .map(file -> Map.entry(outputDirectory.resolve(file.packageName().replace('.', '/'))
              .resolve(file.typeSpec().name() + ".java").normalize(), file.toString()))
          .forEachOrdered(entry -> store(entry.getKey(), entry.getValue(), produced, written, unchanged));
      otherFiles.forEach((relative, content) -> store(outputDirectory.resolve(relative).normalize(), content, produced,
          written, unchanged));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Path manifest = outputDirectory.resolve(MANIFEST);
    if (Files.isRegularFile(manifest)) {
      for (String relative : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        Path previous = outputDirectory.resolve(relative).normalize();
        if (!relative.isBlank() && previous.startsWith(outputDirectory.normalize()) && !produced.contains(previous)
            && Files.deleteIfExists(previous)) {
          deleted.add(previous);
        }
      }
    }
    List<String> generated = new ArrayList<>();
    for (Path path : produced) {
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

  /** Writes one file unless it already has this content. */
  private static void store(Path path, String content, Set<Path> produced, List<Path> written, List<Path> unchanged) {
    produced.add(path);
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), bytes)) {
        unchanged.add(path);
        return;
      }
      Files.createDirectories(path.getParent());
      Files.write(path, bytes);
      written.add(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
