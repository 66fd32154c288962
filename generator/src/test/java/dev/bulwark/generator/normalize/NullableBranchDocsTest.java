package dev.bulwark.generator.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.PropertyModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A property written {@code anyOf: [X, null]} keeps the description and default its non-null branch carries. */
class NullableBranchDocsTest {
  private static final String SPEC = """
      openapi: 3.1.0
      info: {title: Branches, version: '1'}
      paths: {}
      components:
        schemas:
          Run:
            type: object
            properties:
              temperature:
                anyOf:
                  - {type: number, description: What sampling temperature to use., default: 1}
                  - {type: 'null'}
              instructions:
                description: The property's own description wins.
                anyOf:
                  - {type: string, description: the branch's}
                  - {type: 'null'}
              model:
                anyOf:
                  - {$ref: '#/components/schemas/Model'}
                  - {type: 'null'}
          Model: {type: string, description: A model id.}
      """;

  @TempDir Path directory;

  @Test
  void descriptionAndDefaultComeFromTheNonNullBranch() throws Exception {
    Path spec = Files.writeString(directory.resolve("branches.yaml"), SPEC);
    ApiModel api = new Normalizer().normalize(new SpecLoader().load(spec), Optional.empty()).model();
    ObjectModel run = (ObjectModel) api.types().stream().filter(t -> t.name().equals("Run")).findFirst()
        .orElseThrow();

    assertThat(run.properties()).extracting(PropertyModel::description).containsExactly(
        "What sampling temperature to use.", "The property's own description wins.", "");
    assertThat(run.properties().get(0).defaultValue()).contains("1");
    assertThat(run.properties().get(0).nullable()).isTrue();
  }
}
