package dev.bulwark.generator.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.util.DeserializationUtils;
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
    String shown = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new GeneratorException("Cannot read the spec.", List.of(new SpecProblem(
          shown, "", OptionalInt.empty(), "no such file (looked in " + file.toAbsolutePath().normalize() + ")")));
    }
    SwaggerParseResult reading = new SwaggerParseResult();
    JsonNode document = read(file, reading);
    String location = location(file);
    boolean external = hasExternalReference(document);
    SwaggerParseResult result;
    if (document.has("openapi") && !external) {
      // The tree already read is deserialised directly instead of reading and parsing the file a second time.
      // Without other files there is nothing for the parser's resolver to pull in (for 3.1 it would also deep-copy
      // every schema, gigabytes for the largest public specs): references inside the document are followed by the
      // normaliser.
      ParseOptions options = new ParseOptions();
      options.setResolve(false);
      result = new OpenAPIV3Parser().parseJsonNode(location, document, options);
    } else {
      // Swagger 2.0 goes through the parser's converter, and other files are pulled in by its resolver.
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      result = new OpenAPIParser().readLocation(location, null, options);
    }
    List<SpecProblem> messages = new ArrayList<>();
    List<String> parserMessages = new ArrayList<>();
    if (reading.getMessages() != null) {
      parserMessages.addAll(reading.getMessages());
    }
    if (result.getMessages() != null) {
      result.getMessages().stream().filter(m -> !parserMessages.contains(m)).forEach(parserMessages::add);
    }
    for (String message : parserMessages) {
      messages.add(new SpecProblem(shown, "", OptionalInt.empty(), message));
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
    return new LoadedSpec(file, result.getOpenAPI(), messages, ReferencedFiles.of(file, document));
  }

  private static String location(Path file) {
    return file.toAbsolutePath().toUri().toString();
  }

  /** Whether any {@code $ref} in the document points outside it. */
  private static boolean hasExternalReference(JsonNode node) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
        return true;
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode value : node) {
        if (hasExternalReference(value)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The document as swagger-parser itself reads it, so that every value (a YAML empty scalar, say) means what it means
   * to the parser; when that fails, the syntax check says where, with a line number.
   */
  private static JsonNode read(Path file, SwaggerParseResult reading) throws GeneratorException {
    String contents;
    try {
      contents = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GeneratorException("Cannot read the spec.", List.of(new SpecProblem(
          file.toString(), "", OptionalInt.empty(), "not readable as UTF-8 text: " + e.getMessage())));
    }
    JsonNode tree;
    try {
      tree = DeserializationUtils.deserializeIntoTree(contents, location(file), new ParseOptions(), reading);
    } catch (RuntimeException e) {
      tree = null;
    }
    return tree != null && tree.isObject() ? tree : checkSyntax(file);
  }

  private static JsonNode checkSyntax(Path file) throws GeneratorException {
    try {
      JsonNode document = DocumentReader.read(file);
      if (!document.isObject()) {
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
