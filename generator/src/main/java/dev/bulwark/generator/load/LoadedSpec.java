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
 */
public record LoadedSpec(Path file, OpenAPI openApi, List<SpecProblem> warnings, List<Path> inputs) {
  public LoadedSpec {
    warnings = List.copyOf(warnings);
    inputs = List.copyOf(inputs);
  }
}
