package dev.bulwark.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds every file a spec depends on: the spec and, transitively, each local file a {@code $ref} names. Used to
 * fingerprint a generation, so that changing only a referenced file regenerates too. Remote references are not
 * followed.
 */
final class ReferencedFiles {
  private ReferencedFiles() {}

  /**
   * What a spec refers to.
   *
   * @param files the spec and the local files it references, transitively, as normalised absolute paths, sorted
   * @param external whether the spec has a {@code $ref} outside itself, to a file or a remote URL
   */
  record References(List<Path> files, boolean external) {
    References {
      files = List.copyOf(files);
    }
  }

  /**
   * Finds the spec's references in one walk of each document.
   *
   * @param document the spec as already read, so that it is not read again
   */
  static References of(Path spec, JsonNode document) {
    Path main = spec.toAbsolutePath().normalize();
    TreeSet<Path> found = new TreeSet<>();
    found.add(main);
    Deque<Path> pending = new ArrayDeque<>();
    boolean external = collect(document, main.getParent(), pending);
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
    return new References(List.copyOf(found), external);
  }

  /** Queues the local files {@code node} references; returns whether it references anything outside itself. */
  private static boolean collect(JsonNode node, Path directory, Deque<Path> pending) {
    boolean external = false;
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
        external = true;
        String text = ref.asText();
        String file = text.contains("#") ? text.substring(0, text.indexOf('#')) : text;
        if (!file.isEmpty() && !text.contains("://")) {
          pending.add(directory.resolve(file).normalize());
        }
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode value : node) {
        external |= collect(value, directory, pending);
      }
    }
    return external;
  }
}
