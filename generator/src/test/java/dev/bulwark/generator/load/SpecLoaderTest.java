package dev.bulwark.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  private final SpecLoader loader = new SpecLoader();

  @Test
  void loadsTheSampleAndResolvesReferences() throws Exception {
    LoadedSpec spec = loader.load(TestSpecs.sample("petstore.yaml"));

    assertThat(spec.openApi().getInfo().getTitle()).isEqualTo("Bulwark Pet Store");
    assertThat(spec.openApi().getPaths()).containsKeys("/pets", "/pets/{petId}", "/store/inventory");
    assertThat(spec.openApi().getComponents().getSchemas()).containsKeys("Pet", "NewPet", "Error");
  }

  @Test
  void followsReferencesIntoOtherFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("models.yaml"), """
        Widget:
          type: object
          properties:
            id: {type: string}
        """);
    Path main = dir.resolve("api.yaml");
    Files.writeString(main, """
        openapi: 3.0.3
        info: {title: Split, version: '1'}
        paths:
          /widgets:
            get:
              operationId: listWidgets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: 'models.yaml#/Widget'
        """);

    LoadedSpec spec = loader.load(main);

    assertThat(spec.openApi().getComponents().getSchemas()).containsKey("Widget");
  }

  @Test
  void convertsSwagger2(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("old.json");
    Files.writeString(file, """
        {"swagger": "2.0", "info": {"title": "Old", "version": "1"}, "host": "old.example.com", "basePath": "/api",
         "paths": {"/things": {"get": {"operationId": "listThings", "produces": ["application/json"],
           "responses": {"200": {"description": "ok", "schema": {"type": "array", "items": {"type": "string"}}}}}}}}
        """);

    LoadedSpec spec = loader.load(file);

    assertThat(spec.openApi().getOpenapi()).startsWith("3.");
    assertThat(spec.openApi().getPaths()).containsKey("/things");
  }

  @Test
  void missingFileNamesThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> loader.load(missing))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("nope.yaml")
        .hasMessageContaining("no such file");
  }

  @Test
  void syntaxErrorNamesFileAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: [1\npaths: {}\n");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOfSatisfying(GeneratorException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).file()).endsWith("broken.yaml");
          assertThat(e.problems().get(0).line()).isNotEqualTo(OptionalInt.empty());
        })
        .hasMessageContaining("not valid YAML or JSON");
  }

  @Test
  void documentThatIsNotOpenApiIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("other.yaml");
    Files.writeString(file, "name: my-app\ndependencies: [a, b]\n");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("other.yaml")
        .hasMessageContaining("OpenAPI");
  }

  @Test
  void yamlIsReadOnceWithTheParsersMeaningOfEmptyValues(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("empty.yaml"), String.join("\n",
        "openapi: 3.0.3",
        "info: {title: Empty values, version: '1'}",
        "paths: {}",
        "components:",
        "  schemas:",
        "    Kind:",
        "      type: string",
        "      nullable: true",
        "      enum:",
        "        -",
        "        - b",
        ""));

    LoadedSpec loaded = new SpecLoader().load(spec);

    // An empty YAML value is null, as swagger-parser's own YAML reading has it, not an empty string.
    assertThat(loaded.openApi().getComponents().getSchemas().get("Kind").getEnum())
        .containsExactly(null, "b");
  }
}
