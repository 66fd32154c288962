package dev.bulwark.generator.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Applies OpenAPI Overlays (the OpenAPI Initiative's Overlay Specification 1.0) to a spec before it is parsed, so
 * that a user can add to a spec they do not own (an idempotency key header, retry policies, timeouts) without editing
 * it. Each overlay's {@code actions} run in order, each overlay after the one before: an action's {@code target} is a
 * JSONPath (Jayway's); {@code remove: true} removes what it selects, else {@code update} is merged into each selected
 * object (members added or replaced, objects merged member by member) or appended to each selected array. An action
 * that selects nothing is a warning, naming the overlay file and the action; a malformed overlay is an error.
 */
public final class Overlays {
  private static final Configuration PATHS = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider())
      .mappingProvider(new JacksonMappingProvider())
      .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST)
      .build();
  private static final Configuration VALUES = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider())
      .mappingProvider(new JacksonMappingProvider())
      .build();

  /** The document after the overlays, and what they targeted in vain. */
  public record Applied(JsonNode document, List<SpecProblem> warnings) {}

  private Overlays() {}

  /**
   * Applies {@code overlays}, in order, to a copy of {@code document}.
   *
   * @throws GeneratorException if an overlay cannot be read or is not an Overlay document, naming the file, the
   *     action's pointer and what is wrong
   */
  public static Applied apply(JsonNode document, List<Path> overlays) throws GeneratorException {
    JsonNode current = document.deepCopy();
    List<SpecProblem> warnings = new ArrayList<>();
    for (Path overlay : overlays) {
      current = applyOne(current, overlay, warnings);
    }
    return new Applied(current, List.copyOf(warnings));
  }

  private static JsonNode applyOne(JsonNode document, Path file, List<SpecProblem> warnings)
      throws GeneratorException {
    String shown = file.toString();
    JsonNode overlay = read(file);
    List<SpecProblem> problems = new ArrayList<>();
    if (!overlay.path("overlay").isTextual() || !overlay.path("overlay").asText().startsWith("1.")) {
      problems.add(problem(shown, "/overlay", "not an Overlay 1.x document: it needs 'overlay: 1.0.0' (found "
          + (overlay.has("overlay") ? "'" + overlay.get("overlay").asText() + "'" : "none") + ")"));
    }
    JsonNode actions = overlay.path("actions");
    if (!actions.isArray() || actions.isEmpty()) {
      problems.add(problem(shown, "/actions", "an overlay needs a non-empty 'actions' list"));
    }
    if (!problems.isEmpty()) {
      throw new GeneratorException("The overlay cannot be applied.", problems);
    }
    DocumentContext context = JsonPath.using(VALUES).parse(document);
    for (int i = 0; i < actions.size(); i++) {
      JsonNode action = actions.get(i);
      String pointer = "/actions/" + i;
      String target = action.path("target").asText("");
      boolean remove = action.path("remove").asBoolean(false);
      JsonNode update = action.get("update");
      if (target.isEmpty()) {
        problems.add(problem(shown, pointer + "/target", "the action has no 'target' (a JSONPath such as"
            + " $.paths['/orders'].post)"));
        continue;
      }
      if (!remove && update == null) {
        problems.add(problem(shown, pointer, "the action targeting '" + target + "' has neither 'update' nor"
            + " 'remove: true'"));
        continue;
      }
      List<String> selected = new ArrayList<>();
      try {
        // The Jackson provider gives the list of normalised paths as a JSON array.
        JsonPath compiled = JsonPath.compile(target);
        JsonNode paths = JsonPath.using(PATHS).parse((Object) context.json()).read(compiled);
        if (paths != null) {
          paths.forEach(path -> selected.add(path.asText()));
        }
      } catch (InvalidPathException e) {
        problems.add(problem(shown, pointer + "/target", "'" + target + "' is not a JSONPath: " + e.getMessage()));
        continue;
      }
      if (selected.isEmpty()) {
        warnings.addAll(SpecLines.locate(file, List.of(problem(shown, pointer + "/target", "target '" + target + "' matches nothing in the spec; the"
            + " action does nothing"))));
        continue;
      }
      for (String path : selected) {
        if (remove) {
          if (path.equals("$")) {
            problems.add(problem(shown, pointer + "/target", "'" + target + "' selects the whole document, which"
                + " cannot be removed"));
          } else {
            context.delete(path);
          }
          continue;
        }
        JsonNode node = context.read(path);
        if (node instanceof ObjectNode object && update.isObject()) {
          merge(object, (ObjectNode) update);
        } else if (node instanceof ArrayNode array) {
          array.add(update.deepCopy());
        } else {
          problems.add(problem(shown, pointer + "/update", "'" + target + "' selects " + path + ", a "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", which an update can merge into"
              + " only as an object or array"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new GeneratorException("The overlay cannot be applied.", problems);
    }
    return context.json();
  }

  /** Merges {@code update} into {@code target}: objects member by member, anything else replaced. */
  private static void merge(ObjectNode target, ObjectNode update) {
    Iterator<Map.Entry<String, JsonNode>> members = update.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      JsonNode existing = target.get(member.getKey());
      if (existing instanceof ObjectNode object && member.getValue() instanceof ObjectNode value) {
        merge(object, value);
      } else {
        target.set(member.getKey(), member.getValue().deepCopy());
      }
    }
  }

  private static JsonNode read(Path file) throws GeneratorException {
    if (!Files.isRegularFile(file)) {
      throw new GeneratorException("Cannot read the overlay.", List.of(problem(file.toString(), "",
          "no such file (looked in " + file.toAbsolutePath().normalize() + ")")));
    }
    try {
      JsonNode tree = DocumentReader.read(file).tree();
      if (!tree.isObject()) {
        throw new GeneratorException("The overlay cannot be applied.", List.of(problem(file.toString(), "",
            "the overlay is not a YAML or JSON object")));
      }
      return tree;
    } catch (JsonProcessingException e) {
      OptionalInt line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? OptionalInt.empty()
          : OptionalInt.of(e.getLocation().getLineNr());
      throw new GeneratorException("The overlay is not valid YAML or JSON.", List.of(new SpecProblem(
          file.toString(), "", line, e.getOriginalMessage().lines().findFirst().orElse("syntax error"))));
    } catch (IOException e) {
      throw new GeneratorException("Cannot read the overlay.", List.of(problem(file.toString(), "",
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }
  }

  private static SpecProblem problem(String file, String pointer, String message) {
    return new SpecProblem(file, pointer, OptionalInt.empty(), message);
  }
}
