package dev.bulwark.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.OptionalInt;
import dev.bulwark.generator.SpecProblem;

/**
 * Finds every file a spec depends on: the spec and, transitively, each local file a {@code $ref} names. Used to
 * fingerprint a generation, so that changing only a referenced file regenerates too, and as the gate before the
 * parser reads anything: a reference to a file outside the allowed folders, to a file that is missing or unreadable
 * (a YAML alias bomb included, under the same limits as the spec itself), or to a remote URL that the user did not
 * allow is refused here, naming the pointer that makes it.
 */
final class ReferencedFiles {
  private ReferencedFiles() {}

  /**
   * What a spec refers to.
   *
   * @param files the spec and the local files it references, transitively, as normalised absolute paths, sorted
   * @param external whether the spec has a {@code $ref} outside itself, to a file or a remote URL
   * @param problems references that may not or cannot be read, each naming its file and pointer
   */
  record References(List<Path> files, boolean external, List<SpecProblem> problems) {
    References {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /** A file to read, and the reference that names it. */
  private record Pending(Path file, Path from, String pointer, String ref) {}

  /**
   * Finds the spec's references in one walk of each document.
   *
   * @param document the spec as already read, so that it is not read again
   */
  static References of(Path spec, JsonNode document, SpecAccess access) {
    Path main = spec.toAbsolutePath().normalize();
    List<Path> roots = new ArrayList<>(access.extraRoots());
    roots.add(0, main.getParent());
    TreeSet<Path> found = new TreeSet<>();
    found.add(main);
    Deque<Pending> pending = new ArrayDeque<>();
    List<SpecProblem> problems = new ArrayList<>();
    boolean external = collect(document, main, "", pending, access, problems);
    while (!pending.isEmpty()) {
      Pending next = pending.poll();
      Path file = next.file();
      if (found.contains(file)) {
        continue;
      }
      String where = "the $ref '" + next.ref() + "'";
      if (roots.stream().noneMatch(root -> within(file, root))) {
        problems.add(new SpecProblem(next.from().toString(), next.pointer(), OptionalInt.empty(), where
            + " names " + file + ", outside the folders the generator may read (" + roots.get(0) + (roots.size() > 1
                ? " and " + (roots.size() - 1) + " more" : "")
            + "); move the file beside the spec, or allow its folder (plugin parameter specRoots, CLI --spec-root)"));
        continue;
      }
      if (!Files.isRegularFile(file)) {
        problems.add(new SpecProblem(next.from().toString(), next.pointer(), OptionalInt.empty(), where
            + " names " + file + ", which does not exist"));
        continue;
      }
      found.add(file);
      JsonNode referenced;
      try {
        referenced = DocumentReader.read(file).tree();
      } catch (IOException e) {
        problems.add(new SpecProblem(next.from().toString(), next.pointer(), OptionalInt.empty(), where
            + " names " + file + ", which cannot be read: " + firstLine(e)));
        continue;
      }
      collect(referenced, file, "", pending, access, problems);
    }
    return new References(List.copyOf(found), external, problems);
  }

  /** Whether {@code file} lies under {@code root}, links resolved where they exist. */
  private static boolean within(Path file, Path root) {
    return real(file).startsWith(real(root));
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException missing) {
      Path parent = path.getParent();
      return parent == null ? path : real(parent).resolve(path.getFileName());
    }
  }

  private static String firstLine(IOException e) {
    String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
        ? json.getOriginalMessage() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
  }

  /**
   * Queues the local files {@code node} references and refuses remote references that are not allowed; returns
   * whether it references anything outside itself.
   */
  private static boolean collect(JsonNode node, Path file, String pointer, Deque<Pending> pending, SpecAccess access,
      List<SpecProblem> problems) {
    return collect(node, file, pointer, pending, access, problems, false);
  }

  /**
   * Objects whose keys are names the spec's author chose (a property may be called {@code value} or {@code default}),
   * so that no key of theirs is taken for a keyword.
   */
  private static final java.util.Set<String> NAME_MAPS = java.util.Set.of("properties", "patternProperties",
      "definitions", "$defs", "schemas", "responses", "parameters", "headers", "requestBodies", "securitySchemes",
      "links", "callbacks", "paths", "examples", "encoding", "content", "variables", "mapping", "webhooks",
      "pathItems", "dependentSchemas");

  /** Keywords whose values are data, not spec: a {@code $ref} inside them refers to nothing. */
  private static boolean isLiteral(String key, JsonNode value) {
    return key.startsWith("x-") || key.equals("example") || key.equals("default") || key.equals("const")
        || key.equals("enum") || key.equals("value") || key.equals("examples") && value.isArray();
  }

  /** @param namesMap whether {@code node}'s keys are names (see {@link #NAME_MAPS}) rather than keywords */
  private static boolean collect(JsonNode node, Path file, String pointer, Deque<Pending> pending, SpecAccess access,
      List<SpecProblem> problems, boolean namesMap) {
    boolean external = false;
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
        external = true;
        String text = ref.asText();
        String target = text.contains("#") ? text.substring(0, text.indexOf('#')) : text;
        String refPointer = pointer + "/$ref";
        if (isRemote(target)) {
          if (!access.fetchRemote()) {
            problems.add(new SpecProblem(file.toString(), refPointer, OptionalInt.empty(), "the $ref '" + text
                + "' is remote, and the generator fetches nothing unasked; put the document beside the spec, or"
                + " allow remote references (plugin parameter fetchRemoteReferences, CLI --fetch-remote-refs)"));
          }
        } else if (!target.isEmpty()) {
          Path resolved = target.startsWith("file:")
              ? Path.of(java.net.URI.create(target)).normalize()
              : file.getParent().resolve(target).normalize();
          pending.add(new Pending(resolved, file, refPointer, text));
        }
      }
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        String key = field.getKey();
        // Literal data (examples, defaults, extensions) may hold "$ref" keys that are no references.
        if (!field.getValue().isContainerNode() || !namesMap && isLiteral(key, field.getValue())) {
          continue;
        }
        external |= collect(field.getValue(), file, pointer + "/" + escape(key), pending, access, problems,
            !namesMap && NAME_MAPS.contains(key) && field.getValue().isObject());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        external |= collect(node.get(i), file, pointer + "/" + i, pending, access, problems, false);
      }
    }
    return external;
  }

  private static boolean isRemote(String target) {
    String lower = target.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")
        || lower.contains("://") && !lower.startsWith("file:");
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
