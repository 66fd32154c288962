package dev.bulwark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.runtime.json.BulwarkJson;
import dev.bulwark.runtime.json.Validatable;
import io.swagger.v3.oas.models.media.Schema;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples the sample specs give for their schemas survive the generated models: each is parsed by the generated
 * adapter, written back, and compared with the original as JSON (unknown properties and values included).
 */
class ExampleRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> samples() throws Exception {
    return TestSpecs.allSamples().stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySchemaExampleRoundTrips(Path spec, @TempDir Path work) throws Exception {
    Generator.Result result = new Generator().generate(
        new Generator.Options(spec, "com.example.roundtrip", Optional.empty(), work.resolve("src")));
    assertThat(JavaCompilation.compile(work.resolve("src"), work.resolve("classes")).success()).isTrue();

    Map<String, String> examples = new LinkedHashMap<>();
    Map<String, Schema> schemas = new dev.bulwark.generator.load.SpecLoader().load(spec).openApi().getComponents()
        .getSchemas();
    schemas.forEach((name, schema) -> {
      if (schema.getExample() != null) {
        examples.put("/components/schemas/" + name, write(schema.getExample()));
      }
    });
    assertThat(examples).as("the sample spec gives schema examples").isNotEmpty();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()},
        getClass().getClassLoader())) {
      JsonAdapter.Factory models = (JsonAdapter.Factory) loader
          .loadClass("com.example.roundtrip.model.ModelJsonAdapters").getConstructor().newInstance();
      Moshi moshi = new Moshi.Builder().add(models).add(BulwarkJson.standardAdapters()).build();
      for (Map.Entry<String, String> example : examples.entrySet()) {
        TypeModel type = result.model().types().stream()
            .filter(t -> t.origin().equals(example.getKey()))
            .findFirst().orElseThrow(() -> new AssertionError("no model for " + example.getKey()));
        Class<?> modelClass = loader.loadClass("com.example.roundtrip.model." + type.name());
        JsonAdapter<Object> adapter = moshi.adapter((java.lang.reflect.Type) modelClass);
        Object value = adapter.fromJson(example.getValue());
        if (value instanceof Validatable validatable) {
          assertThat(validatable.validationProblems("$")).as(example.getKey()).isEmpty();
        }
        String written = adapter.toJson(value);
        assertThat(JSON.readTree(written)).as(example.getKey() + " written back as " + written)
            .isEqualTo(JSON.readTree(example.getValue()));
      }
    }
  }

  private static String write(Object example) {
    try {
      return io.swagger.v3.core.util.Json.mapper().writeValueAsString(example);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

}
