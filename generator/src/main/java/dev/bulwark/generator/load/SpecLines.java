package dev.bulwark.generator.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.bulwark.generator.SpecProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Adds line numbers to problems located by JSON pointer, so that a message reads {@code petstore.yaml:41:
 * /paths/~1pets/get: ...}: the spec is read once more as a stream, only down the branches that lead to a problem.
 * A pointer that names no node (a place the generator derived, such as a merged {@code allOf}) gets the line of the
 * nearest node above it.
 */
public final class SpecLines {
  private SpecLines() {}

  /**
   * The problems, those in {@code file} that have a JSON pointer and no line given one; all as they were if the file
   * cannot be read again.
   */
  public static List<SpecProblem> locate(Path file, List<SpecProblem> problems) {
    String shown = file.toString();
    Set<String> wanted = new HashSet<>();
    for (SpecProblem problem : problems) {
      if (needsLine(problem, shown)) {
        for (String prefix = problem.location(); !prefix.isEmpty(); prefix = parent(prefix)) {
          wanted.add(prefix);
        }
      }
    }
    if (wanted.isEmpty()) {
      return problems;
    }
    Map<String, Integer> lines;
    try {
      lines = lines(file, wanted);
    } catch (IOException e) {
      // The file was read a moment ago; if it cannot be now, the messages still name the pointer.
      return problems;
    }
    List<SpecProblem> located = new ArrayList<>(problems.size());
    for (SpecProblem problem : problems) {
      Integer line = null;
      if (needsLine(problem, shown)) {
        for (String prefix = problem.location(); line == null && !prefix.isEmpty(); prefix = parent(prefix)) {
          line = lines.get(prefix);
        }
      }
      located.add(line == null
          ? problem
          : problem.atLine(line));
    }
    return located;
  }

  private static boolean needsLine(SpecProblem problem, String file) {
    return problem.file().equals(file) && problem.location().startsWith("/") && problem.line().isEmpty();
  }

  private static String parent(String pointer) {
    return pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
  }

  /** The line of each wanted pointer that names a node; branches that lead to none are skipped unread. */
  private static Map<String, Integer> lines(Path file, Set<String> wanted) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = DocumentReader.parser(file)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        // An object member is located at its name (in YAML a nested mapping's first token is on the next line), an
        // array element at its first token.
        JsonStreamContext context = parser.getParsingContext();
        JsonStreamContext array = token.isStructStart() ? context.getParent() : context;
        String pointer;
        if (token == JsonToken.FIELD_NAME) {
          pointer = context.pathAsPointer().toString();
        } else if (!token.isStructEnd() && array != null && array.inArray()) {
          pointer = array.pathAsPointer().toString();
        } else {
          continue;
        }
        if (wanted.contains(pointer)) {
          lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
          if (lines.size() == wanted.size()) {
            break;
          }
        } else {
          if (token == JsonToken.FIELD_NAME) {
            parser.nextToken();
          }
          parser.skipChildren();
        }
      }
    }
    return lines;
  }
}
