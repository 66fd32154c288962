package dev.bulwark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.runtime.json.BulwarkJson;
import dev.bulwark.runtime.json.Validatable;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value a request can only have one way (a {@code const}, a one-value enum, the discriminator value of a union
 * variant) is set by {@code builder()}; a {@code default} is documented and never sent. Generated, compiled and run.
 */
class FixedAndDefaultValuesTest {
  private static final String SPEC = """
      openapi: 3.1.0
      info: {title: Shapes, version: '1'}
      paths:
        /tools:
          get:
            operationId: listTools
            parameters:
              - {name: limit, in: query, description: Page size., schema: {type: integer, default: 20}}
              - {name: kind, in: query, required: true, schema: {type: string, enum: [tool]}}
            responses:
              '200':
                description: the tools
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ToolList'}
      components:
        schemas:
          ToolList:
            type: object
            required: [object, data]
            properties:
              object: {type: string, enum: [list]}
              data: {type: array, items: {$ref: '#/components/schemas/Tool'}}
          Tool:
            type: object
            required: [type, name, shape]
            properties:
              type: {const: function, description: What the tool is.}
              name: {type: string}
              strict: {type: boolean, default: false}
              tags: {type: array, items: {type: string}, default: ['{a}', '@b']}
              shape: {$ref: '#/components/schemas/Shape'}
          Shape:
            oneOf:
              - {$ref: '#/components/schemas/Circle'}
              - {$ref: '#/components/schemas/Square'}
            discriminator:
              propertyName: kind
              mapping: {round: '#/components/schemas/Circle', square: '#/components/schemas/Square'}
          Outline:
            oneOf:
              - {$ref: '#/components/schemas/Square'}
              - {$ref: '#/components/schemas/Line'}
            discriminator:
              propertyName: kind
              mapping: {box: '#/components/schemas/Square', line: '#/components/schemas/Line'}
          Circle:
            type: object
            required: [kind, radius]
            properties:
              kind: {type: string}
              radius: {type: number}
          Square:
            type: object
            required: [kind, side]
            properties:
              kind: {type: string}
              side: {type: number}
          Line:
            type: object
            required: [kind]
            properties:
              kind: {type: string, enum: [line, dashed]}
      """;

  private static Generator.Result result;
  private static Path work;

  @BeforeAll
  static void generateAndCompile(@TempDir Path directory) throws Exception {
    work = directory;
    Path spec = Files.writeString(work.resolve("shapes.yaml"), SPEC);
    result = new Generator().generate(
        new Generator.Options(spec, "com.example.shapes", Optional.empty(), work.resolve("src")));
    JavaCompilation.Outcome outcome = JavaCompilation.compile(work.resolve("src"), work.resolve("classes"));
    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.warnings()).isEmpty();
  }

  private static PropertyModel property(String model, String property) {
    return result.model().types().stream()
        .filter(type -> type.name().equals(model))
        .map(ObjectModel.class::cast)
        .flatMap(object -> object.properties().stream())
        .filter(candidate -> candidate.jsonName().equals(property))
        .findFirst().orElseThrow();
  }

  @Test
  void constsOneValueEnumsAndUnambiguousDiscriminatorsAreFixed() {
    assertThat(property("Tool", "type").fixedValue()).contains("function");
    assertThat(property("ToolList", "object").fixedValue()).contains("list");
    assertThat(property("Circle", "kind").fixedValue()).contains("round");
    assertThat(property("Line", "kind").fixedValue()).as("an enum holding the value").contains("line");
    // Square is "square" in one union and "box" in another: the caller says which.
    assertThat(property("Square", "kind").fixedValue()).isEmpty();
    assertThat(property("Tool", "name").fixedValue()).isEmpty();
    assertThat(property("Tool", "strict").defaultValue()).contains("false");
    assertThat(property("Tool", "tags").defaultValue()).contains("[\"{a}\",\"@b\"]");
  }

  @Test
  void builderStartsWithTheFixedValuesAndReadingDoesNot() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()},
        getClass().getClassLoader())) {
      Moshi moshi = new Moshi.Builder()
          .add((JsonAdapter.Factory) loader.loadClass("com.example.shapes.model.ModelJsonAdapters")
              .getConstructor().newInstance())
          .add(BulwarkJson.standardAdapters())
          .build();
      Object circle = build(loader, "Circle", "radius", double.class, 2.0);
      Object tool = build(loader, "Tool", "name", String.class, "draw", "shape",
          loader.loadClass("com.example.shapes.model.Shape"), wrap(loader, "Shape$Circle", circle));

      JsonAdapter<Object> tools = moshi.adapter((java.lang.reflect.Type) tool.getClass());
      assertThat(tools.toJson(tool))
          .isEqualTo("{\"type\":\"function\",\"name\":\"draw\",\"shape\":{\"kind\":\"round\",\"radius\":2.0}}");

      Object read = tools.fromJson("{\"name\":\"draw\",\"shape\":{\"kind\":\"round\",\"radius\":2}}");
      assertThat(((Validatable) read).validationProblems("$"))
          .as("a response without the value lacks it; builder() is not used to read")
          .anySatisfy(problem -> assertThat(problem).contains("$.type"));
    }
  }

  @Test
  void documentationStatesDefaultsAndFixedValues() throws Exception {
    String tool = Files.readString(work.resolve("src/com/example/shapes/model/Tool.java"));
    assertThat(tool)
        .contains("What the tool is. {@code builder()} sets it to {@code \"function\"}.")
        .contains("Default: {@code false}.")
        .contains("Default: <code>[\"&#123;a&#125;\",\"&#64;b\"]</code>.");
    assertThat(Files.readString(work.resolve("src/com/example/shapes/service/ListToolsParams.java")))
        .contains("Page size. Query parameter {@code limit}. Default: {@code 20}.");
  }

  @Test
  void aRequiredParameterWithOneValueIsSetByTheBuilderAndNotAskedFor() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()},
        getClass().getClassLoader())) {
      Class<?> params = loader.loadClass("com.example.shapes.service.ListToolsParams");
      Object builder = params.getMethod("builder").invoke(null);
      Object built = builder.getClass().getMethod("build").invoke(builder);
      assertThat(String.valueOf(params.getMethod("getKind").invoke(built))).isEqualTo("tool");
      // The form taking only what the caller must give takes nothing.
      assertThat(loader.loadClass("com.example.shapes.service.ToolsService").getMethod("listTools")).isNotNull();
    }
  }

  /** {@code Model.builder().name(value)...build()}, by reflection. */
  private static Object build(ClassLoader loader, String model, Object... settersTypesAndValues) throws Exception {
    Class<?> type = loader.loadClass("com.example.shapes.model." + model);
    Object builder = type.getMethod("builder").invoke(null);
    for (int i = 0; i < settersTypesAndValues.length; i += 3) {
      Method setter = builder.getClass().getMethod((String) settersTypesAndValues[i],
          (Class<?>) settersTypesAndValues[i + 1]);
      builder = setter.invoke(builder, settersTypesAndValues[i + 2]);
    }
    return builder.getClass().getMethod("build").invoke(builder);
  }

  private static Object wrap(ClassLoader loader, String variant, Object value) throws Exception {
    Class<?> type = loader.loadClass("com.example.shapes.model." + variant);
    return type.getConstructors()[0].newInstance(value);
  }
}
