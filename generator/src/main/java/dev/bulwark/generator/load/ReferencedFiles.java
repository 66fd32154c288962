package dev.bulwark.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds every file a spec depends on: the spec and, transitively, each local file a {@code $ref} names. Used to
 * fingerprint a generation, so that changing only a referenced file regenerates too. Remote references are not
 * followed.
 */
final class ReferencedFiles {
  private ReferencedFiles() {}

  /**
   * The spec and the files it references, as normalised absolute paths, sorted.
   *
   * @param document the spec as already read, so that it is not read again
   */
  static List<Path> of(Path spec, JsonNode document) {
    Path main = spec.toAbsolutePath().normalize();
    TreeSet<Path> found = new TreeSet<>();
    found.add(main);
    Deque<Path> pending = new ArrayDeque<>();
    collect(document, main.getParent(), pending);
    while (!pending.isEmpty()) {
      Path file = pending.poll();
      if (!found.add(file) || !Files.isRegularFile(file)) {
        continue;
      }
      JsonNode referenced;
      try {
        referenced = DocumentReader.read(file).tree();
      } catch (IOException e) {
        // An unreadable referenced file is fingerprinted as it is; generation reports the problem.
        continue;
      }
      collect(referenced, file.getParent(), pending);
    }
    return List.copyOf(found);
  }

  private static void collect(JsonNode node, Path directory, Deque<Path> pending) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && !ref.asText().startsWith("#") && !ref.asText().contains("://")) {
        String text = ref.asText();
        String file = text.contains("#") ? text.substring(0, text.indexOf('#')) : text;
        if (!file.isEmpty()) {
          pending.add(directory.resolve(file).normalize());
        }
      }
    }
    if (node.isContainerNode()) {
      node.forEach(value -> collect(value, directory, pending));
    }
  }
}
