package dev.bulwark.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Legal specs with names that collide with Java or with what Bulwark generates still give a client that compiles:
 * operation ids that are methods of {@code Object}, schemas named like generated helpers and nested classes, a schema
 * of a thousand properties and a deep {@code allOf} chain (compiled with a 1 MB stack, javac's default). The chain is
 * 100 levels here: each level's class holds every property below it, so a thousand levels is half a million fields
 * and minutes of javac (it compiles too, checked by hand; see docs/coverage.md).
 */
class HostileNamesTest {
  private static final List<String> OBJECT_METHODS =
      List.of("getClass", "wait", "notify", "notifyAll", "hashCode", "toString", "finalize", "equals", "clone");
  private static final List<String> TYPE_NAMES = List.of("Json", "ModelJsonAdapters", "Iterable", "List", "Map",
      "Object", "String", "Override", "Nullable", "NullMarked", "Builder", "Known", "Unknown", "Visitor", "Type");

  private static final int CHAIN = 100;

  @TempDir
  Path work;

  private Path hostileSpec() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode spec = json.createObjectNode().put("openapi", "3.0.3");
    spec.putObject("info").put("title", "Hostile").put("version", "1");
    ObjectNode paths = spec.putObject("paths");
    for (int i = 0; i < OBJECT_METHODS.size(); i++) {
      ObjectNode get = paths.putObject("/x" + i).putObject("get").put("operationId", OBJECT_METHODS.get(i));
      get.putObject("responses").putObject("200").put("description", "ok").putObject("content")
          .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Json");
    }
    ObjectNode schemas = spec.putObject("components").putObject("schemas");
    for (String name : TYPE_NAMES) {
      ObjectNode schema = schemas.putObject(name).put("type", "object");
      schema.putObject("properties").putObject("id").put("type", "string");
    }
    // A union and an enum under the names of a union's and an enum's own nested types.
    schemas.putObject("Unknown").putArray("oneOf").addObject().put("type", "string");
    ((com.fasterxml.jackson.databind.node.ArrayNode) schemas.get("Unknown").get("oneOf")).addObject()
        .put("$ref", "#/components/schemas/Json");
    schemas.putObject("Known").put("type", "string").putArray("enum").add("a").add("b");
    ObjectNode wide = schemas.putObject("Wide").put("type", "object").putObject("properties");
    for (int i = 0; i < 1000; i++) {
      wide.putObject("p" + i).put("type", "string");
    }
    for (int i = 0; i < CHAIN; i++) {
      ObjectNode link = schemas.putObject("C" + i);
      link.putObject("properties").putObject("f" + i).put("type", "string");
      if (i < CHAIN - 1) {
        link.putArray("allOf").addObject().put("$ref", "#/components/schemas/C" + (i + 1));
      }
    }
    return Files.writeString(work.resolve("hostile.json"), json.writeValueAsString(spec));
  }

  @Test
  void aClientOfHostileNamesCompilesWithJavacsDefaultStack() throws Exception {
    Generator.Result result = new Generator().generate(new Generator.Options(hostileSpec(), "com.example.hostile",
        Optional.empty(), work.resolve("src")));
    assertThat(result.model().services().stream().flatMap(s -> s.operations().stream())).extracting(o -> o.methodName())
        .contains("getClassOperation", "hashCodeOperation", "toStringOperation", "waitOperation");
    AtomicReference<JavaCompilation.Outcome> outcome = new AtomicReference<>();
    AtomicReference<Throwable> crash = new AtomicReference<>();
    Thread javac = new Thread(null, () -> {
      try {
        outcome.set(JavaCompilation.compile(work.resolve("src"), work.resolve("classes")));
      } catch (Throwable e) {
        crash.set(e);
      }
    }, "javac-1mb", 1024 * 1024);
    javac.start();
    javac.join();
    assertThat(crash.get()).as("javac crashed").isNull();
    assertThat(outcome.get().success()).as(String.join("\n", outcome.get().errors())).isTrue();
    assertThat(outcome.get().warnings()).isEmpty();
  }

  @Test
  void aKeywordInThePackageNameIsAClearError() {
    assertThatThrownBy(() -> new Generator().generate(new Generator.Options(TestSpecs.sample("petstore.yaml"),
        "com.example.class", Optional.empty(), work.resolve("src"))))
        .isInstanceOfSatisfying(GeneratorException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(problem -> assertThat(problem.message()).contains("Java keyword 'class'")));
  }
}
