package dev.bulwark.generator.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import io.swagger.parser.OpenAPIParser;
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
    Object document = checkSyntax(file);

    ParseOptions options = new ParseOptions();
    // Resolving pulls $ref'd files into the document. For OpenAPI 3.1 the parser's resolver also deep-copies every
    // schema (gigabytes for the largest public specs), so it runs only when there are other files to pull in;
    // references inside the document are followed by the normaliser.
    boolean openApi31 = document instanceof java.util.Map<?, ?> map
        && String.valueOf(map.get("openapi")).startsWith("3.1");
    options.setResolve(!openApi31 || hasExternalReference(document));
    SwaggerParseResult result = new OpenAPIParser().readLocation(file.toAbsolutePath().toUri().toString(), null, options);
    List<SpecProblem> messages = new ArrayList<>();
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
    return new LoadedSpec(file, result.getOpenAPI(), messages, ReferencedFiles.of(file, document));
  }

  /** Whether any {@code $ref} in the document points outside it. */
  private static boolean hasExternalReference(Object node) {
    if (node instanceof java.util.Map<?, ?> map) {
      Object ref = map.get("$ref");
      if (ref instanceof String text && !text.startsWith("#")) {
        return true;
      }
      for (Object value : map.values()) {
        if (hasExternalReference(value)) {
          return true;
        }
      }
    } else if (node instanceof List<?> list) {
      for (Object value : list) {
        if (hasExternalReference(value)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object checkSyntax(Path file) throws GeneratorException {
    try {
      Object document = DocumentReader.read(file);
      if (!(document instanceof java.util.Map)) {
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
