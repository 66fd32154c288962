package dev.bulwark.generator.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.SpecProblem;
import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.BodyModel;
import dev.bulwark.generator.model.EnumModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.model.UnionModel;
import dev.bulwark.generator.model.UnionModel.TagSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a union variant's discriminator values come from (mapping, the variant's own fixed value, the component name),
 * the warning where the spec's letter and its variants disagree, {@code anyOf [string, enum]} as the open enum, and a
 * form body's encoding entries.
 */
class UnionTagsTest {
  private static final String SPEC = """
      openapi: 3.1.0
      info: {title: Tags, version: '1'}
      paths:
        /items:
          post:
            operationId: createItem
            requestBody:
              content:
                application/x-www-form-urlencoded:
                  schema:
                    type: object
                    properties:
                      meta: {type: object, additionalProperties: {type: string}}
                      tags: {type: array, items: {type: string}}
                      ids: {type: array, items: {type: integer}}
                      pipes: {type: array, items: {type: string}}
                      extra: {type: object, properties: {a: {type: string}}}
                      plain: {type: string}
                  encoding:
                    meta: {style: deepObject, explode: true}
                    tags: {style: form}
                    ids: {style: form, explode: false}
                    pipes: {style: pipeDelimited}
                    extra: {contentType: application/json}
                    plain: {}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Item'}
      components:
        schemas:
          Item:
            oneOf:
              - $ref: '#/components/schemas/Mapped'
              - $ref: '#/components/schemas/Pinned'
              - $ref: '#/components/schemas/Constant'
              - $ref: '#/components/schemas/Named'
              - $ref: '#/components/schemas/Inherited'
            discriminator:
              propertyName: kind
              mapping:
                mapped: '#/components/schemas/Mapped'
          Mapped:
            type: object
            properties:
              kind: {type: string, enum: [ignored]}
          Pinned:
            type: object
            required: [kind]
            properties:
              kind: {type: string, enum: [pinned]}
          Constant:
            type: object
            properties:
              kind: {const: constant}
          Named:
            type: object
            properties:
              kind: {type: string}
          Inherited:
            allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                properties:
                  extra: {type: string}
          Base:
            type: object
            properties:
              kind: {type: string, enum: [inherited]}
          PaymentSource:
            oneOf:
              - {title: Card, type: object, properties: {last4: {type: string}}}
              - {title: Bank Account, type: object, properties: {iban: {type: string}}}
              - {type: object, properties: {wallet: {type: string}}}
          StreamEvent:
            oneOf:
              - {type: object, properties: {event: {type: string, enum: [thread.run.created]}, id: {type: string}}}
              - {type: object, properties: {event: {type: string, const: thread.run.failed}, reason: {type: string}}}
          ToolChoice:
            oneOf:
              - {type: string, enum: [auto]}
              - {type: object, properties: {name: {type: string}}}
          Model:
            description: A model name; the named ones are known.
            anyOf:
              - type: string
              - type: string
                enum: [small, large]
          Size:
            anyOf:
              - $ref: '#/components/schemas/SizeName'
              - type: string
          SizeName:
            type: string
            enum: [s, m]
          Holder:
            type: object
            properties:
              model: {$ref: '#/components/schemas/Model'}
              size: {$ref: '#/components/schemas/Size'}
              inline:
                anyOf:
                  - {type: string}
                  - {type: string, enum: [a, b]}
              formatted:
                anyOf:
                  - {type: string, format: date}
                  - {type: string, enum: [never]}
      """;

  private static ApiModel api;
  private static List<SpecProblem> warnings;

  @BeforeAll
  static void normalize(@TempDir Path directory) throws Exception {
    Path spec = Files.writeString(directory.resolve("tags.yaml"), SPEC);
    Normalizer.Result result = new Normalizer().normalize(new SpecLoader().load(spec), Optional.empty());
    api = result.model();
    warnings = result.warnings();
  }

  private static TypeModel type(String name) {
    return api.types().stream().filter(type -> type.name().equals(name)).findFirst().orElseThrow();
  }

  private static UnionModel.Variant variant(String javaName) {
    return ((UnionModel) type("Item")).variants().stream().filter(v -> v.javaName().equals(javaName)).findFirst()
        .orElseThrow();
  }

  @Test
  void theMappingWinsThenTheVariantsFixedValueThenTheComponentName() {
    assertThat(variant("Mapped").discriminatorValues()).containsExactly("mapped");
    assertThat(variant("Mapped").tagSource()).isEqualTo(TagSource.MAPPING);
    assertThat(variant("Pinned").discriminatorValues()).containsExactly("pinned");
    assertThat(variant("Pinned").tagSource()).isEqualTo(TagSource.FIXED_VALUE);
    assertThat(variant("Constant").discriminatorValues()).containsExactly("constant");
    assertThat(variant("Inherited").discriminatorValues()).as("fixed in an allOf part").containsExactly("inherited");
    assertThat(variant("Named").discriminatorValues()).containsExactly("Named");
    assertThat(variant("Named").tagSource()).isEqualTo(TagSource.COMPONENT_NAME);
    assertThat(variant("Pinned").label()).isEqualTo("Pinned");
  }

  @Test
  void oneWarningPerUnionWhoseVariantsFixOtherValuesThanTheirNames() {
    assertThat(warnings).filteredOn(w -> w.message().contains("has no mapping for")).singleElement()
        .satisfies(warning -> {
          assertThat(warning.location()).isEqualTo("/components/schemas/Item");
          assertThat(warning.message()).contains("3 variant(s)", "Pinned -> 'pinned'", "Constant -> 'constant'");
        });
  }

  @Test
  void anyOfStringAndEnumIsTheOpenEnum() {
    assertThat(type("Model")).isInstanceOfSatisfying(EnumModel.class, model -> {
      assertThat(model.constants()).extracting(EnumModel.EnumConstant::value).containsExactly("small", "large");
      assertThat(model.description()).isEqualTo("A model name; the named ones are known.");
    });
    ObjectModel holder = (ObjectModel) type("Holder");
    assertThat(holder.properties().get(1).type()).as("the enum a component refers to, in either order")
        .isEqualTo(new TypeRef.Named("SizeName"));
    assertThat(api.types()).noneMatch(type -> type.name().equals("Size"));
    assertThat(type(((TypeRef.Named) holder.properties().get(2).type()).name())).isInstanceOf(EnumModel.class);
    assertThat(type(((TypeRef.Named) holder.properties().get(3).type()).name()))
        .as("a formatted string is no plain string: still a union").isInstanceOf(UnionModel.class);
  }

  @Test
  void formEncodingEntriesThatSaySomething() {
    BodyModel body = api.services().get(0).operations().get(0).body().orElseThrow();
    // tags (form, exploded) and plain ({}) say nothing beyond the convention.
    assertThat(body.fieldEncodings()).containsExactly(
        new BodyModel.FieldEncoding("meta", Optional.of(BodyModel.FieldStyle.DEEP_OBJECT), true, Optional.empty()),
        new BodyModel.FieldEncoding("ids", Optional.of(BodyModel.FieldStyle.FORM), false, Optional.empty()),
        new BodyModel.FieldEncoding("pipes", Optional.of(BodyModel.FieldStyle.PIPE_DELIMITED), false,
            Optional.empty()),
        new BodyModel.FieldEncoding("extra", Optional.empty(), true, Optional.of("application/json")));
  }

  @Test
  void variantsAreNamedByTitleThenFixedValueThenComponentAndByPlaceOnlyWhereTheSpecSaysNothing() {
    UnionModel source = (UnionModel) type("PaymentSource");
    assertThat(source.variants()).extracting(UnionModel.Variant::javaName)
        .containsExactly("Card", "BankAccount", "Variant3");
    assertThat(source.variants().get(1).type()).isEqualTo(new TypeRef.Named("PaymentSourceBankAccount"));
    // Item's variants: components, and the values they fix (Mapped's mapping does not rename it).
    assertThat(((UnionModel) type("Item")).variants()).extracting(UnionModel.Variant::javaName)
        .containsExactly("Mapped", "Pinned", "Constant", "Named", "Inherited");
  }

  @Test
  void withoutADiscriminatorAPropertyEveryVariantFixesNamesThemAndSoDoesAOneValueVariant() {
    UnionModel events = (UnionModel) type("StreamEvent");
    assertThat(events.variants()).extracting(UnionModel.Variant::javaName)
        .containsExactly("ThreadRunCreated", "ThreadRunFailed");
    assertThat(events.variants().get(0).type()).isEqualTo(new TypeRef.Named("StreamEventThreadRunCreated"));
    assertThat(((UnionModel) type("ToolChoice")).variants()).extracting(UnionModel.Variant::javaName)
        .containsExactly("Auto", "Variant2");
  }
}
