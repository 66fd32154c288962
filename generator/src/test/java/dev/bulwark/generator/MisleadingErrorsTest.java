package dev.bulwark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.model.TypeRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems a user cannot fix in a vendor's spec are said plainly, and never break generation. */
class MisleadingErrorsTest {
  private static final String LONG = "VeryLongSchemaName".repeat(16);
  private static final String SPEC = """
      openapi: 3.1.0
      info: {title: Vendor, version: '1'}
      paths:
        /orders:
          post:
            operationId: %s
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      deeply:
                        type: object
                        properties:
                          nested: {type: object, properties: {inline: {type: object, properties: {x: {type: string}}}}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Order'}
      components:
        schemas:
          Money: {type: object, properties: {amount: {type: integer}}}
          Order:
            type: object
            properties:
              total: {$ref: '#/components/schemas/Mony'}
              item: {$ref: '#/components/schemas/Envelope/$defs/Item'}
          Envelope:
            type: object
            properties:
              items: {type: array, items: {$ref: '#/components/schemas/Envelope/$defs/Item'}}
            $defs:
              Item: {type: object, properties: {sku: {type: string}}}
          %s: {type: object, properties: {id: {type: string}}}
      """.formatted("createTheOrderWithAVeryLongOperationIdentifierThatGoesOnAndOn".repeat(3), LONG);

  @TempDir
  Path work;

  private Generator.Result generate(Path out) throws Exception {
    Path spec = work.resolve("vendor.yaml");
    Files.writeString(spec, SPEC);
    return new Generator().generate(new Generator.Options(spec, "com.example.vendor", Optional.empty(), out));
  }

  @Test
  void aReferenceToAMissingSchemaSaysWhatIsLostAndWhatWasMeantFirst() throws Exception {
    Generator.Result result = generate(work.resolve("src"));
    assertThat(result.warnings().get(0).message()).contains("cannot resolve $ref '#/components/schemas/Mony'",
        "did you mean '#/components/schemas/Money'?", "untyped JSON (Object)", "loses its type", "failOnWarnings");
    assertThat(result.warnings().get(0).location()).isEqualTo("/components/schemas/Order/properties/total");
  }

  @Test
  void aDefsReferenceResolvesToItsSchema() throws Exception {
    Generator.Result result = generate(work.resolve("src"));
    ObjectModel order = (ObjectModel) result.model().types().stream().filter(t -> t.name().equals("Order"))
        .findFirst().orElseThrow();
    PropertyModel item = order.properties().stream().filter(p -> p.jsonName().equals("item")).findFirst()
        .orElseThrow();
    assertThat(item.type()).isInstanceOf(TypeRef.Named.class);
  }

  @Test
  void overLongNamesAreShortenedStablyAndCompile() throws Exception {
    Generator.Result first = generate(work.resolve("one"));
    Generator.Result second = generate(work.resolve("two"));
    List<String> names;
    try (Stream<Path> files = Files.walk(work.resolve("one"))) {
      names = files.filter(p -> p.toString().endsWith(".java")).map(p -> p.getFileName().toString()).toList();
    }
    assertThat(names).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(125));
    assertThat(names).anySatisfy(name -> assertThat(name).startsWith("VeryLongSchemaName").matches(".*_[0-9a-f]{8}\\.java"));
    assertThat(first.model().types()).extracting(t -> t.name()).isEqualTo(second.model().types().stream()
        .map(t -> t.name()).toList());
    JavaCompilation.Outcome compiled = JavaCompilation.compile(work.resolve("one"), work.resolve("classes"));
    assertThat(compiled.success()).as(String.join("\n", compiled.errors())).isTrue();
  }
}
