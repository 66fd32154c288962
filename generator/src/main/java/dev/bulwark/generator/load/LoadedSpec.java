package dev.bulwark.generator.load;

import dev.bulwark.generator.SpecProblem;
import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed spec, its {@code $ref}s resolved, Swagger 2.0 converted to OpenAPI 3.
 *
 * @param warnings what the parser found questionable but could read past
 * @param inputs the spec and every file it references, for fingerprinting
 * @param definitions the schemas of JSON Schema {@code $defs} in the document, by the JSON pointer that names them
 *     ({@code /components/schemas/Envelope/$defs/Item}): the parser's model has no place for them
 */
public record LoadedSpec(Path file, OpenAPI openApi, List<SpecProblem> warnings, List<Path> inputs,
    java.util.Map<String, io.swagger.v3.oas.models.media.Schema<?>> definitions) {
  public LoadedSpec {
    warnings = List.copyOf(warnings);
    inputs = List.copyOf(inputs);
    definitions = java.util.Map.copyOf(definitions);
  }

  /** A spec without {@code $defs}. */
  public LoadedSpec(Path file, OpenAPI openApi, List<SpecProblem> warnings, List<Path> inputs) {
    this(file, openApi, warnings, inputs, java.util.Map.of());
  }
}
