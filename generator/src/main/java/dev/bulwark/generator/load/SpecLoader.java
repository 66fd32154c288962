package dev.bulwark.generator.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads an OpenAPI 3.x or Swagger 2.0 document with swagger-parser, resolving {@code $ref}s into other files.
 *
 * <p>Syntax errors are reported with their line, read by a first pass through the YAML reader, since the parser itself
 * reports only that the document could not be read.
 */
public final class SpecLoader {

  /**
   * Loads {@code file}.
   *
   * @throws GeneratorException if the file is missing, is not YAML or JSON, or is not an OpenAPI document
   */
  public LoadedSpec load(Path file) throws GeneratorException {
    return load(file, SpecAccess.defaults());
  }

  /**
   * Loads {@code file}, reading only what {@code access} allows: a reference to anything else fails the load, before
   * the parser reads a byte of it.
   *
   * @throws GeneratorException if the file is missing, is not YAML or JSON, is not an OpenAPI document, or refers to
   *     a file or URL that may not or cannot be read
   */
  public LoadedSpec load(Path file, SpecAccess access) throws GeneratorException {
    return load(file, access, List.of());
  }

  /**
   * Loads {@code file} with {@code overlays} applied, in order, before it is parsed; see {@link Overlays}. An
   * overlay's action that selects nothing is one of the loaded spec's warnings.
   */
  public LoadedSpec load(Path file, SpecAccess access, List<Path> overlays) throws GeneratorException {
    return load(file, access, overlays, RootSettings.NONE);
  }

  /**
   * Loads {@code file} with a build's {@code settings} written at its root, then {@code overlays} applied; see
   * {@link RootSettings} and {@link Overlays}.
   */
  public LoadedSpec load(Path file, SpecAccess access, List<Path> overlays, RootSettings settings)
      throws GeneratorException {
    String shown = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new GeneratorException("Cannot read the spec.", List.of(new SpecProblem(
          shown, "", OptionalInt.empty(), "no such file (looked in " + file.toAbsolutePath().normalize() + ")")));
    }
    DocumentReader.Document document = checkSyntax(file);
    List<SpecProblem> overlayWarnings = List.of();
    boolean changed = !overlays.isEmpty() || !settings.isEmpty();
    if (!settings.isEmpty()) {
      document = new DocumentReader.Document(settings.applyTo(document.tree()), document.json());
    }
    if (!overlays.isEmpty()) {
      Overlays.Applied applied = Overlays.apply(document.tree(), overlays);
      document = new DocumentReader.Document(applied.document(), document.json());
      overlayWarnings = applied.warnings();
    }
    String location = location(file);
    ReferencedFiles.References references = ReferencedFiles.of(file, document.tree(), access);
    if (!references.problems().isEmpty()) {
      throw new GeneratorException("The spec refers to files or URLs that cannot be read.", references.problems());
    }
    boolean external = references.external();
    SwaggerParseResult result;
    if (document.tree().has("openapi") && !external) {
      // The tree already read is deserialised directly instead of reading and parsing the file a second time.
      // Without other files there is nothing for the parser's resolver to pull in (for 3.1 it would also deep-copy
      // every schema, gigabytes for the largest public specs): references inside the document are followed by the
      // normaliser.
      ParseOptions options = new ParseOptions();
      options.setResolve(false);
      result = new OpenAPIV3Parser().parseJsonNode(location, document.tree(), options);
    } else if (changed) {
      // The overlaid document exists only in memory; relative references resolve against the spec's location.
      ParseOptions options = new ParseOptions();
      options.setResolve(!document.tree().path("openapi").asText().startsWith("3.1") || external);
      String contents = document.tree().toString();
      result = document.tree().has("openapi")
          ? new OpenAPIV3Parser().readContents(contents, null, options, location)
          : new OpenAPIParser().readContents(contents, null, options);
    } else {
      // Swagger 2.0 goes through the parser's converter, and other files are pulled in by its resolver; for 3.1 the
      // resolver runs only when there are other files (see above).
      ParseOptions options = new ParseOptions();
      options.setResolve(!document.tree().path("openapi").asText().startsWith("3.1") || external);
      result = new OpenAPIParser().readLocation(location, null, options);
    }
    List<SpecProblem> messages = new ArrayList<>(overlayWarnings);
    if (result.getMessages() != null) {
      for (String message : result.getMessages()) {
        messages.add(new SpecProblem(shown, "", OptionalInt.empty(), message));
      }
    }
    if (result.getOpenAPI() == null) {
      if (messages.isEmpty()) {
        messages.add(new SpecProblem(shown, "", OptionalInt.empty(),
            "not an OpenAPI 3.x or Swagger 2.0 document (no 'openapi' or 'swagger' field)"));
      }
      throw new GeneratorException("The spec is not a readable OpenAPI document.", messages);
    }
    if (result.getOpenAPI().getPaths() == null && result.getOpenAPI().getComponents() == null) {
      messages.add(new SpecProblem(shown, "", OptionalInt.empty(),
          "the document has neither 'paths' nor 'components'; is it an OpenAPI document?"));
      throw new GeneratorException("The spec is not a readable OpenAPI document.", messages);
    }
    return new LoadedSpec(file, result.getOpenAPI(), messages, references.files(), definitions(document.tree()));
  }

  /**
   * The schemas under every {@code $defs} in the document, by pointer, read through the parser as component schemas
   * of a document of their own so that their values mean what the parser's would.
   */
  private static java.util.Map<String, io.swagger.v3.oas.models.media.Schema<?>> definitions(
      com.fasterxml.jackson.databind.JsonNode tree) {
    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> found = new java.util.LinkedHashMap<>();
    collectDefinitions(tree, "", found);
    if (found.isEmpty()) {
      return java.util.Map.of();
    }
    com.fasterxml.jackson.databind.node.ObjectNode document = com.fasterxml.jackson.databind.node.JsonNodeFactory
        .instance.objectNode();
    document.put("openapi", tree.path("openapi").asText("3.1.0"));
    document.putObject("info").put("title", "definitions").put("version", "1");
    document.putObject("paths");
    com.fasterxml.jackson.databind.node.ObjectNode schemas = document.putObject("components").putObject("schemas");
    List<String> pointers = new ArrayList<>(found.keySet());
    for (int i = 0; i < pointers.size(); i++) {
      schemas.set("d" + i, found.get(pointers.get(i)));
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult parsed = new OpenAPIV3Parser().parseJsonNode(null, document, options);
    java.util.Map<String, io.swagger.v3.oas.models.media.Schema<?>> definitions = new java.util.LinkedHashMap<>();
    if (parsed.getOpenAPI() != null && parsed.getOpenAPI().getComponents() != null
        && parsed.getOpenAPI().getComponents().getSchemas() != null) {
      for (int i = 0; i < pointers.size(); i++) {
        io.swagger.v3.oas.models.media.Schema<?> schema = parsed.getOpenAPI().getComponents().getSchemas().get("d" + i);
        if (schema != null) {
          definitions.put(pointers.get(i), schema);
        }
      }
    }
    return definitions;
  }

  private static void collectDefinitions(com.fasterxml.jackson.databind.JsonNode node, String pointer,
      java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> found) {
    if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
        if (field.getKey().equals("$defs") && field.getValue().isObject()) {
          field.getValue().fields().forEachRemaining(entry ->
              found.put(child + "/" + entry.getKey().replace("~", "~0").replace("/", "~1"), entry.getValue()));
        }
        if (field.getValue().isContainerNode()) {
          collectDefinitions(field.getValue(), child, found);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDefinitions(node.get(i), pointer + "/" + i, found);
      }
    }
  }

  private static String location(Path file) {
    return file.toAbsolutePath().toUri().toString();
  }

  private static DocumentReader.Document checkSyntax(Path file) throws GeneratorException {
    try {
      DocumentReader.Document document = DocumentReader.read(file);
      if (!document.tree().isObject()) {
        throw new GeneratorException("The spec is not a readable OpenAPI document.", List.of(new SpecProblem(
            file.toString(), "", OptionalInt.empty(), "the document is not a YAML or JSON object")));
      }
      return document;
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      OptionalInt line = location == null || location.getLineNr() < 1
          ? OptionalInt.empty()
          : OptionalInt.of(location.getLineNr());
      throw new GeneratorException("The spec is not valid YAML or JSON.", List.of(new SpecProblem(
          file.toString(), "", line, e.getOriginalMessage().lines().findFirst().orElse("syntax error"))));
    } catch (IOException e) {
      throw new GeneratorException("Cannot read the spec.", List.of(new SpecProblem(
          file.toString(), "", OptionalInt.empty(), String.valueOf(e.getMessage()))));
    }
  }
}
