package dev.bulwark.generator.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a generation depended on: the generator's version, the options, and the content hash of the spec and every file
 * it references. Stored beside the output as {@value #FILE}; when it matches, the output is up to date and generation
 * can be skipped without reading the spec, which takes milliseconds even for multi-megabyte specs.
 */
public final class Fingerprint {
  /** Where the fingerprint is stored, relative to the output directory. */
  public static final String FILE = ".bulwark-fingerprint";

  private Fingerprint() {}

  /**
   * The fingerprint text: one line for the version, one for the options, one per input file with its hash.
   *
   * @param settings the options that shape the output, such as the package and client name
   */
  public static String of(String version, String settings, List<Path> inputs) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("generator " + version);
    lines.add("settings " + settings);
    for (Path input : inputs) {
      lines.add("file " + sha256(input) + " " + input);
    }
    return String.join("\n", lines) + "\n";
  }

  /**
   * Whether the output directory holds a fingerprint equal to what the inputs give now, and every file the last run
   * generated is still there.
   */
  public static boolean upToDate(Path outputDirectory, String version, String settings) throws IOException {
    Path stored = outputDirectory.resolve(FILE);
    Path manifest = outputDirectory.resolve(OutputWriter.MANIFEST);
    if (!Files.isRegularFile(stored) || !Files.isRegularFile(manifest)) {
      return false;
    }
    List<String> lines = Files.readAllLines(stored, StandardCharsets.UTF_8);
    List<Path> inputs = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("file ")) {
        String[] parts = line.split(" ", 3);
        if (parts.length < 3) {
          return false;
        }
        inputs.add(Path.of(parts[2]));
      }
    }
    for (Path input : inputs) {
      if (!Files.isRegularFile(input)) {
        return false;
      }
    }
    for (String relative : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (!relative.isBlank() && !Files.isRegularFile(outputDirectory.resolve(relative))) {
        return false;
      }
    }
    return Files.readString(stored, StandardCharsets.UTF_8).equals(of(version, settings, inputs));
  }

  /** Records the fingerprint of a generation that just wrote {@code outputDirectory}. */
  public static void store(Path outputDirectory, String fingerprint) throws IOException {
    Files.createDirectories(outputDirectory);
    Files.writeString(outputDirectory.resolve(FILE), fingerprint, StandardCharsets.UTF_8);
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
          digest.update(buffer, 0, read);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
