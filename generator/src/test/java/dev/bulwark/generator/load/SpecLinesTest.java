package dev.bulwark.generator.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.Generator;
import dev.bulwark.generator.SpecProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLinesTest {
  private static final String YAML = """
      openapi: 3.0.3
      info: {title: Lines, version: '1'}
      paths:
        /pets/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: ok
      components:
        schemas:
          Pet:
            type: object
            properties:
              owner: {$ref: '#/components/schemas/Nobody'}
      """;

  @TempDir
  Path directory;

  private static SpecProblem at(Path file, String pointer) {
    return new SpecProblem(file.toString(), pointer, OptionalInt.empty(), "something");
  }

  @Test
  void aPointerGetsTheLineOfItsNodeOrOfTheNearestNodeAbove() throws Exception {
    Path spec = Files.writeString(directory.resolve("lines.yaml"), YAML);

    List<SpecProblem> located = SpecLines.locate(spec, List.of(
        at(spec, "/paths/~1pets~1{id}/get"),
        at(spec, "/paths/~1pets~1{id}/get/parameters/0/schema"),
        at(spec, "/components/schemas/Pet/properties/owner/derived/part"),
        at(spec, ""),
        at(Path.of("other.yaml"), "/paths")));

    assertThat(located).extracting(problem -> problem.line().orElse(-1)).containsExactly(5, 7, 16, -1, -1);
  }

  @Test
  void jsonSpecsAreLocatedToo() throws Exception {
    Path spec = Files.writeString(directory.resolve("lines.json"), """
        {
          "openapi": "3.0.3",
          "paths": {
            "/pets": {
              "get": {}
            }
          }
        }
        """);

    assertThat(SpecLines.locate(spec, List.of(at(spec, "/paths/~1pets/get"))).get(0).line()).hasValue(5);
  }

  @Test
  void theGeneratorsWarningsCarryTheirLine() throws Exception {
    Path spec = Files.writeString(directory.resolve("lines.yaml"), YAML);

    List<SpecProblem> warnings = new Generator().check(spec).warnings();

    assertThat(warnings).filteredOn(warning -> warning.message().contains("no operationId"))
        .singleElement().satisfies(warning -> assertThat(warning.toString()).startsWith(spec + ":5: /paths/"));
    assertThat(warnings).filteredOn(warning -> warning.message().contains("cannot resolve $ref"))
        .singleElement().satisfies(warning -> assertThat(warning.line()).hasValue(16));
  }
}
