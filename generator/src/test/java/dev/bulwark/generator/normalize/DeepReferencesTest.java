package dev.bulwark.generator.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.SpecProblem;
import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.EnumModel;
import dev.bulwark.generator.model.ErrorModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.model.TypeRef.ScalarKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code $ref} may point at any schema in the document, not only at a component schema. */
class DeepReferencesTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Deep, version: '1'}
      paths:
        /fields/{id}:
          get:
            operationId: getField
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - $ref: '#/components/parameters/kind'
            responses:
              '200':
                description: the field
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        name: {$ref: '#/components/schemas/Field/properties/name'}
                        kind: {$ref: '#/components/parameters/kind/schema'}
                        slash: {$ref: '#/paths/~1fields~1%7Bid%7D/get/responses/200/content/application~1json/schema/properties/name'}
                        loop: {$ref: '#/components/schemas/Loop/properties/self'}
                        missing: {$ref: '#/components/schemas/Field/properties/nothing'}
              '404': {$ref: '#/components/responses/NotFound'}
              '409':
                description: conflict
                content:
                  application/json:
                    schema: {$ref: '#/components/responses/Conflict/content/application~1json/schema'}
      components:
        parameters:
          kind: {name: kind, in: query, schema: {type: string, enum: [text, number]}}
        responses:
          Conflict:
            description: a conflict
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    message: {type: string}
          NotFound:
            description: not found
            content:
              application/json:
                schema: {$ref: '#/components/responses/Conflict/content/application~1json/schema'}
        schemas:
          Field:
            type: object
            properties:
              name: {type: string, description: The field's name.}
          Loop:
            type: object
            properties:
              self: {$ref: '#/components/schemas/Loop/properties/self'}
      """;

  private static ApiModel api;
  private static List<SpecProblem> warnings;

  @BeforeAll
  static void normalize(@TempDir Path directory) throws Exception {
    Path spec = Files.writeString(directory.resolve("deep.yaml"), SPEC);
    Normalizer.Result result = new Normalizer().normalize(new SpecLoader().load(spec), Optional.empty());
    api = result.model();
    warnings = result.warnings();
  }

  private static OperationModel getField() {
    return api.services().get(0).operations().get(0);
  }

  private static TypeModel type(TypeRef ref) {
    String name = ((TypeRef.Named) ref).name();
    return api.types().stream().filter(type -> type.name().equals(name)).findFirst().orElseThrow();
  }

  private static PropertyModel property(String name) {
    return ((ObjectModel) type(getField().responseType().orElseThrow())).properties().stream()
        .filter(property -> property.jsonName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aPropertyOfAComponentOrAParametersSchemaIsTheTypeFoundThere() {
    assertThat(property("name").type()).isEqualTo(TypeRef.scalar(ScalarKind.STRING));
    assertThat(type(property("kind").type())).isInstanceOf(EnumModel.class);
    assertThat(property("slash").type()).as("escaped ~1 and %7B..%7D segments")
        .isEqualTo(TypeRef.scalar(ScalarKind.STRING));
  }

  @Test
  void aSharedResponsesSchemaIsOneClassWhereverItIsReferred() {
    List<TypeRef> errors = getField().errorTypes().stream().map(ErrorModel.DeclaredType::type).toList();
    assertThat(errors).hasSize(2).containsOnly(errors.get(0));
    assertThat(((TypeRef.Named) errors.get(0)).name()).isEqualTo("ConflictResponse");
    assertThat(type(errors.get(0))).isInstanceOf(ObjectModel.class);
  }

  @Test
  void aReferenceLeadingBackToItselfOrNowhereIsAPlainValueWithAWarning() {
    assertThat(property("loop").type()).isEqualTo(TypeRef.scalar(ScalarKind.ANY));
    assertThat(property("missing").type()).isEqualTo(TypeRef.scalar(ScalarKind.ANY));
    assertThat(warnings).extracting(SpecProblem::message)
        .anySatisfy(message -> assertThat(message).contains("leads back to itself"))
        .anySatisfy(message -> assertThat(message)
            .contains("cannot resolve $ref '#/components/schemas/Field/properties/nothing'"));
  }

  @Test
  void theParsersComplaintsAboutReferencesTheConverterFollowedAreDropped() {
    // swagger-parser reports each such $ref as "not of expected type Schema"; they are resolved, so not shown.
    assertThat(warnings).extracting(SpecProblem::message)
        .noneSatisfy(message -> assertThat(message).contains("is not of expected type Schema"));
  }
}
