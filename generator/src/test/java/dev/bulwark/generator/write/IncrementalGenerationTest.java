package dev.bulwark.generator.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.Generator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalGenerationTest {
  private final Generator generator = new Generator();

  private static void writeSpec(Path dir, String widgetProperty) throws Exception {
    Files.writeString(dir.resolve("models.yaml"), """
        Widget:
          type: object
          properties:
            %s: {type: string}
        """.formatted(widgetProperty));
    Files.writeString(dir.resolve("api.yaml"), """
        openapi: 3.0.3
        info: {title: Widgets, version: '1'}
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
                        type: array
                        items:
                          $ref: 'models.yaml#/Widget'
        """);
  }

  private Generator.Result run(Path dir, String packageName) throws Exception {
    return generator.generate(new Generator.Options(dir.resolve("api.yaml"), packageName, Optional.empty(),
        dir.resolve("out"), true));
  }

  @Test
  void secondRunWithNothingChangedIsUpToDateAndTouchesNothing(@TempDir Path dir) throws Exception {
    writeSpec(dir, "name");
    assertThat(run(dir, "com.example").upToDate()).isFalse();
    Path client = dir.resolve("out/com/example/WidgetsClient.java");
    long before = Files.getLastModifiedTime(client).toMillis();

    Generator.Result second = run(dir, "com.example");

    assertThat(second.upToDate()).isTrue();
    assertThat(Files.getLastModifiedTime(client).toMillis()).isEqualTo(before);
  }

  @Test
  void changingOnlyAReferencedFileRegenerates(@TempDir Path dir) throws Exception {
    writeSpec(dir, "name");
    run(dir, "com.example");

    writeSpec(dir, "label");
    Generator.Result second = run(dir, "com.example");

    assertThat(second.upToDate()).isFalse();
    assertThat(Files.readString(dir.resolve("out/com/example/model/Widget.java"))).contains("getLabel");
  }

  @Test
  void changingAnOptionRegenerates(@TempDir Path dir) throws Exception {
    writeSpec(dir, "name");
    run(dir, "com.example");

    Generator.Result second = run(dir, "com.example.other");

    assertThat(second.upToDate()).isFalse();
    assertThat(second.files().deleted()).isNotEmpty();
    assertThat(dir.resolve("out/com/example/WidgetsClient.java")).doesNotExist();
  }

  @Test
  void aDeletedOutputFileRegenerates(@TempDir Path dir) throws Exception {
    writeSpec(dir, "name");
    run(dir, "com.example");
    Files.delete(dir.resolve("out/com/example/model/Widget.java"));

    assertThat(run(dir, "com.example").upToDate()).isFalse();
    assertThat(dir.resolve("out/com/example/model/Widget.java")).exists();
  }
}
