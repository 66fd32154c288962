package dev.bulwark.generator.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineSchemaReuseTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Reuse, version: '1'}
      paths:
        /projects/{id}:
          get:
            operationId: getProject
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses:
              '200':
                description: the project, written inline though it is the component
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        name: {type: string}
                        zone: {type: string, enum: [utc, cet]}
          put:
            operationId: updateProject
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses:
              '200':
                description: the same inline schema again
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        name: {type: string}
                        zone: {type: string, enum: [utc, cet]}
        /monitors:
          get:
            operationId: listMonitors
            responses:
              '200':
                description: same properties, but documented differently, so a type of its own
                content:
                  application/json:
                    schema:
                      type: object
                      description: A monitor.
                      properties:
                        name: {type: string}
                        zone: {type: string, enum: [utc, cet]}
          post:
            operationId: createMonitor
            responses:
              '200':
                description: an inline schema with one more value in its enum
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        name: {type: string}
                        zone: {type: string, enum: [utc, cet, pst]}
      components:
        schemas:
          Project:
            type: object
            properties:
              name: {type: string}
              zone: {type: string, enum: [utc, cet]}
      """;

  @TempDir Path directory;

  private ApiModel normalize() throws Exception {
    Path spec = Files.writeString(directory.resolve("reuse.yaml"), SPEC);
    return new Normalizer().normalize(new SpecLoader().load(spec), Optional.empty()).model();
  }

  private static String responseType(ApiModel api, String methodName) {
    OperationModel operation = api.services().stream().flatMap(s -> s.operations().stream())
        .filter(o -> o.methodName().equals(methodName)).findFirst().orElseThrow();
    return ((TypeRef.Named) operation.responseType().orElseThrow()).name();
  }

  @Test
  void aRepeatedInlineSchemaReusesTheClassOfItsFirstCopyOrOfTheComponent() throws Exception {
    ApiModel api = normalize();

    assertThat(responseType(api, "getProject")).isEqualTo("Project");
    assertThat(responseType(api, "updateProject")).isEqualTo("Project");
    assertThat(api.types()).extracting(TypeModel::name)
        .containsExactly("Project", "ProjectZone", "ListMonitorsResponse", "CreateMonitorResponse",
            "CreateMonitorResponseZone");
  }

  @Test
  void schemasThatDifferInDocumentationOrValuesKeepTypesOfTheirOwn() throws Exception {
    ApiModel api = normalize();

    assertThat(responseType(api, "listMonitors")).isEqualTo("ListMonitorsResponse");
    assertThat(responseType(api, "createMonitor")).isEqualTo("CreateMonitorResponse");
    ObjectModel monitors = (ObjectModel) api.types().stream()
        .filter(t -> t.name().equals("ListMonitorsResponse")).findFirst().orElseThrow();
    // The nested enum is the same as the component's, so it is shared even though its parent is not.
    assertThat(monitors.properties().get(1).type()).isEqualTo(new TypeRef.Named("ProjectZone"));
  }
}
