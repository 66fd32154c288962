package dev.bulwark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.model.UnionModel;
import dev.bulwark.runtime.json.BulwarkJson;
import dev.bulwark.runtime.json.JsonModel;
import dev.bulwark.runtime.json.Validatable;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of real specs read through their generated clients: every schema example of a component that is a
 * class, and every JSON request body and 2xx response example (a media type's {@code example} and {@code examples},
 * and its inline schema's),
 * each parsed by the adapter of the type the generated client uses there. For each spec it prints how many examples
 * were read, how many hold a union value that fell to {@code Unknown} (with where), how many report validation
 * problems, and how many do not write back as they came.
 *
 * <p>Outside the default suite: {@code scripts/corpus-examples DIR} runs it over a directory of specs
 * ({@code -Dbulwark.corpus=DIR}). It fails if any example lands in {@code Unknown}.
 */
@EnabledIfSystemProperty(named = "bulwark.corpus", matches = ".+")
class CorpusExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** JSON equality with numbers compared by value: {@code 43} and {@code 43.0} are one JSON number. */
  private static final java.util.Comparator<JsonNode> SAME_NUMBER = (a, b) -> a.equals(b) ? 0
      : a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
  private static final int SHOWN = Integer.getInteger("bulwark.corpus.shown", 5);

  static Stream<Path> specs() throws Exception {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("bulwark.corpus")))) {
      return files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList().stream();
    }
  }

  /** One example and the type the generated client reads it as. */
  private record Sample(String pointer, TypeRef type, String json) {}

  @ParameterizedTest
  @MethodSource("specs")
  void examplesReadThroughTheGeneratedAdapters(Path spec, @TempDir Path work) throws Exception {
    Generator.Result result = new Generator().generate(
        new Generator.Options(spec, "com.example.corpus", Optional.empty(), work.resolve("src")));
    JavaCompilation.Outcome compiled = JavaCompilation.compile(work.resolve("src"), work.resolve("classes"));
    assertThat(compiled.success()).as(String.join("\n", compiled.errors())).isTrue();
    OpenAPI openApi = new dev.bulwark.generator.load.SpecLoader().load(spec).openApi();
    List<Sample> samples = samples(openApi, result.model());

    int unknownExamples = 0;
    int withProblems = 0;
    int notRoundTripped = 0;
    int failed = 0;
    List<String> unknownPlaces = new ArrayList<>();
    List<String> contradictions = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    List<String> problemPlaces = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {work.resolve("classes").toUri().toURL()},
        getClass().getClassLoader())) {
      JsonAdapter.Factory models = (JsonAdapter.Factory) loader
          .loadClass("com.example.corpus.model.ModelJsonAdapters").getConstructor().newInstance();
      Moshi moshi = new Moshi.Builder().add(models).add(BulwarkJson.standardAdapters()).build();
      for (Sample sample : samples) {
        Object value;
        JsonAdapter<Object> adapter;
        try {
          adapter = moshi.adapter(javaType(sample.type(), loader));
          value = adapter.fromJson(sample.json());
        } catch (Exception | StackOverflowError e) {
          failed++;
          failures.add(sample.pointer() + ": " + e);
          continue;
        }
        List<UnknownValue> unknowns = new ArrayList<>();
        unknowns(value, "$", unknowns, 0);
        if (!unknowns.isEmpty()) {
          unknownExamples++;
          List<String> missed = new ArrayList<>();
          for (UnknownValue unknown : unknowns) {
            String reason = contradiction(unknown, result.model());
            String place = sample.pointer() + " " + unknown.path() + " (" + unknown.union() + ") = "
                + excerpt(String.valueOf(unknown.json()));
            if (reason == null) {
              missed.add(place);
            } else {
              contradictions.add(place + ": " + reason);
            }
          }
          if (!missed.isEmpty()) {
            unknownPlaces.add(missed.get(0));
          }
        }
        List<String> problems = problems(value);
        if (!problems.isEmpty()) {
          withProblems++;
          problemPlaces.add(sample.pointer() + " " + problems.get(0));
        }
        try {
          JsonNode written = JSON.readTree(adapter.toJson(value));
          JsonNode original = JSON.readTree(sample.json());
          if (!original.equals(SAME_NUMBER, written)) {
            notRoundTripped++;
            differences.add(sample.pointer() + " " + difference("$", original, written));
          }
        } catch (Exception e) {
          notRoundTripped++;
        }
      }
    }
    StringBuilder report = new StringBuilder()
        .append(String.format("examples %s: %d read, %d holding an Unknown (%d missed by Bulwark, %d where the"
                + " example contradicts its schema), %d with validation problems, %d not written back as they came,"
                + " %d failed to read%n", spec.getFileName(), samples.size(), unknownExamples, unknownPlaces.size(),
            unknownExamples - unknownPlaces.size(), withProblems, notRoundTripped, failed));
    unknownPlaces.forEach(place -> report.append("  missed: ").append(place).append('\n'));
    contradictions.forEach(place -> report.append("  contradicts: ").append(place).append('\n'));
    problemPlaces.stream().limit(SHOWN).forEach(place -> report.append("  problem: ").append(place).append('\n'));
    differences.stream().limit(SHOWN).forEach(place -> report.append("  differs: ").append(place).append('\n'));
    failures.stream().limit(SHOWN).forEach(place -> report.append("  failed: ").append(place).append('\n'));
    System.out.print(report);
    Path summary = Path.of("target", "corpus-examples.txt");
    Files.createDirectories(summary.getParent());
    Files.writeString(summary, report, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(unknownPlaces).as("examples with a union value read as Unknown that fits the schema").isEmpty();
  }

  /** Schema examples of components that are classes, and JSON body and 2xx response examples of operations. */
  private static List<Sample> samples(OpenAPI openApi, ApiModel model) {
    List<Sample> samples = new ArrayList<>();
    Map<String, TypeModel> byOrigin = new LinkedHashMap<>();
    model.types().forEach(type -> byOrigin.putIfAbsent(type.origin(), type));
    if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
      openApi.getComponents().getSchemas().forEach((name, raw) -> {
        Schema<?> schema = raw;
        TypeModel type = byOrigin.get("/components/schemas/" + name);
        if (type != null) {
          for (Object example : schemaExamples(schema)) {
            samples.add(new Sample("/components/schemas/" + name, new TypeRef.Named(type.name()), write(example)));
          }
          vendorExamples(schema.getExtensions(), "example").forEach(json ->
              samples.add(new Sample("/components/schemas/" + name + "/x-oaiMeta", new TypeRef.Named(type.name()),
                  json)));
        }
      });
    }
    if (openApi.getPaths() == null) {
      return samples;
    }
    openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      Optional<OperationModel> generated = model.services().stream().flatMap(s -> s.operations().stream())
          .filter(o -> o.path().equals(path) && o.httpMethod().equalsIgnoreCase(method.name())
              && o.alternativeOf().isEmpty())
          .findFirst();
      if (generated.isEmpty()) {
        return;
      }
      String pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method.name().toLowerCase();
      OperationModel op = generated.get();
      io.swagger.v3.oas.models.parameters.RequestBody requestBody = operation.getRequestBody();
      if (requestBody != null && requestBody.get$ref() != null && openApi.getComponents() != null
          && openApi.getComponents().getRequestBodies() != null) {
        requestBody = openApi.getComponents().getRequestBodies().get(lastSegment(requestBody.get$ref()));
      }
      if (requestBody != null && op.body().isPresent() && op.body().get().kind().equals("JSON")) {
        mediaExamples(openApi, requestBody.getContent()).forEach(json ->
            samples.add(new Sample(pointer + "/requestBody", op.body().get().type(), json)));
      }
      Optional<TypeRef> primary = op.successVariants().size() <= 1 ? op.responseType() : Optional.empty();
      if (primary.isPresent()) {
        vendorExamples(operation.getExtensions(), "examples").forEach(json ->
            samples.add(new Sample(pointer + "/x-oaiMeta", primary.get(), json)));
      }
      if (operation.getResponses() != null) {
        operation.getResponses().forEach((status, declared) -> {
          io.swagger.v3.oas.models.responses.ApiResponse response = declared.get$ref() == null
              || openApi.getComponents() == null || openApi.getComponents().getResponses() == null
              ? declared : openApi.getComponents().getResponses().get(lastSegment(declared.get$ref()));
          if (response == null) {
            return;
          }
          Optional<TypeRef> type = op.successVariants().stream().filter(v -> v.status().equals(status))
              .map(OperationModel.SuccessVariant::type).findFirst()
              .or(() -> status.startsWith("2") && op.successVariants().size() <= 1 ? op.responseType()
                  : Optional.empty());
          if (type.isPresent() && response.getContent() != null) {
            mediaExamples(openApi, response.getContent()).forEach(json ->
                samples.add(new Sample(pointer + "/responses/" + status, type.get(), json)));
          }
        });
      }
    }));
    return samples;
  }

  /**
   * openai.yaml's payloads as its servers send them: {@code x-oaiMeta} on an operation ({@code examples}, one or a
   * list, each with a {@code response} of JSON text) or on a schema ({@code example}, JSON text). Text that is not
   * JSON (an event stream) is left out.
   */
  private static List<String> vendorExamples(Map<String, Object> extensions, String key) {
    List<String> examples = new ArrayList<>();
    if (extensions == null || !(extensions.get("x-oaiMeta") instanceof Map<?, ?> meta)) {
      return examples;
    }
    Object value = meta.get(key);
    List<Object> entries = value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
    if (!(value instanceof List<?>) && value != null) {
      entries.add(value);
    }
    for (Object entry : entries) {
      Object text = entry instanceof Map<?, ?> map ? map.get("response") : entry;
      if (text instanceof String json) {
        try {
          JsonNode node = JSON.readTree(json);
          if (node != null && (node.isObject() || node.isArray())) {
            examples.add(JSON.writeValueAsString(node));
          }
        } catch (Exception notJson) {
          // An event stream or prose.
        }
      }
    }
    return examples;
  }

  private static List<Object> schemaExamples(Schema<?> schema) {
    List<Object> examples = new ArrayList<>();
    if (schema.getExample() != null) {
      examples.add(schema.getExample());
    }
    if (schema.getExamples() != null) {
      examples.addAll(schema.getExamples());
    }
    return examples;
  }

  private static List<String> mediaExamples(OpenAPI openApi, Content content) {
    List<String> examples = new ArrayList<>();
    if (content == null) {
      return examples;
    }
    content.forEach((mediaType, media) -> {
      if (!mediaType.toLowerCase().contains("json") || media == null) {
        return;
      }
      if (media.getExample() != null) {
        examples.add(write(media.getExample()));
      }
      if (media.getSchema() != null && media.getSchema().get$ref() == null) {
        schemaExamples(media.getSchema()).forEach(example -> examples.add(write(example)));
      }
      if (media.getExamples() != null) {
        media.getExamples().values().forEach(example -> {
          Example resolved = resolve(openApi, example);
          if (resolved != null && resolved.getValue() != null) {
            examples.add(write(resolved.getValue()));
          }
        });
      }
    });
    return examples;
  }

  private static String lastSegment(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static Example resolve(OpenAPI openApi, Example example) {
    if (example.get$ref() == null) {
      return example;
    }
    String name = example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1);
    return openApi.getComponents() == null || openApi.getComponents().getExamples() == null ? null
        : openApi.getComponents().getExamples().get(name);
  }

  private static Type javaType(TypeRef type, ClassLoader loader) throws ClassNotFoundException {
    if (type instanceof TypeRef.ListOf list) {
      return Types.newParameterizedType(List.class, javaType(list.element(), loader));
    }
    if (type instanceof TypeRef.MapOf map) {
      return Types.newParameterizedType(Map.class, String.class, javaType(map.value(), loader));
    }
    if (type instanceof TypeRef.Named named) {
      return loader.loadClass("com.example.corpus.model." + named.name());
    }
    return Object.class;
  }

  /** A union value read as {@code Unknown}: where, the union, and the JSON it kept. */
  private record UnknownValue(String path, String union, Object json) {}

  /** Where a value holds a union's {@code Unknown} record. */
  private static void unknowns(Object value, String path, List<UnknownValue> found, int depth) throws Exception {
    if (value == null || depth > 64) {
      return;
    }
    Class<?> type = value.getClass();
    if (type.isRecord()) {
      if (type.getSimpleName().equals("Unknown") && type.getEnclosingClass() != null
          && type.getEnclosingClass().isSealed()) {
        found.add(new UnknownValue(path, type.getEnclosingClass().getSimpleName(),
            type.getRecordComponents()[0].getAccessor().invoke(value)));
        return;
      }
      for (RecordComponent component : type.getRecordComponents()) {
        Object held = component.getAccessor().invoke(value);
        if (held instanceof dev.bulwark.runtime.json.UnknownVariant nested && type.getEnclosingClass() != null
            && type.getEnclosingClass().isSealed()) {
          // A variant that is itself a union holding an Unknown: judged against the outer union, which chose it.
          found.add(new UnknownValue(path, type.getEnclosingClass().getSimpleName(), nested.json()));
          return;
        }
        unknowns(held, path, found, depth + 1);
      }
    } else if (value instanceof JsonModel) {
      for (Class<?> c = type; c != null && c != JsonModel.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
            field.setAccessible(true);
            unknowns(field.get(value), path + "." + field.getName(), found, depth + 1);
          }
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        unknowns(list.get(i), path + "[" + i + "]", found, depth + 1);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        unknowns(entry.getValue(), path + "." + entry.getKey(), found, depth + 1);
      }
    }
  }

  /**
   * Why a value kept as {@code Unknown} is not one the spec allows, or {@code null} when it may be (Bulwark missed
   * it): a JSON kind no variant has, or a discriminator tag no variant lists.
   */
  private static String contradiction(UnknownValue unknown, ApiModel model) {
    UnionModel union = (UnionModel) model.types().stream().filter(t -> t.name().equals(unknown.union()))
        .findFirst().orElseThrow();
    Map<String, TypeModel> types = new LinkedHashMap<>();
    model.types().forEach(type -> types.put(type.name(), type));
    if (union.variants().stream().noneMatch(variant -> fits(variant.type(), unknown.json(), types))) {
      return "a JSON " + kind(unknown.json()) + " where every variant is another kind";
    }
    if (union.discriminator().isPresent() && unknown.json() instanceof Map<?, ?> map
        && map.get(union.discriminator().get()) != null) {
      Object tag = map.get(union.discriminator().get());
      boolean listed = union.variants().stream().anyMatch(v -> v.discriminatorValues().contains(String.valueOf(tag)));
      boolean guessable = union.variants().stream().anyMatch(v -> v.tagSource() == UnionModel.TagSource.NONE
          || v.tagSource() == UnionModel.TagSource.COMPONENT_NAME);
      if (!listed && !guessable) {
        return "the tag '" + tag + "' is none of the values the variants fix";
      }
    }
    return null;
  }

  private static boolean fits(TypeRef type, Object json, Map<String, TypeModel> types) {
    if (type instanceof TypeRef.ListOf) {
      return json instanceof List<?>;
    }
    if (type instanceof TypeRef.MapOf) {
      return json instanceof Map<?, ?>;
    }
    if (type instanceof TypeRef.Named named) {
      TypeModel model = types.get(named.name());
      if (model instanceof dev.bulwark.generator.model.EnumModel enumModel) {
        return enumModel.integer() ? json instanceof Number : json instanceof String;
      }
      return model instanceof UnionModel nested
          ? nested.variants().stream().anyMatch(v -> fits(v.type(), json, types))
          : json instanceof Map<?, ?>;
    }
    return switch (((TypeRef.Scalar) type).kind()) {
      case INT32, INT64, FLOAT, DOUBLE, DECIMAL -> json instanceof Number;
      case BOOLEAN -> json instanceof Boolean;
      case ANY -> true;
      default -> json instanceof String;
    };
  }

  private static String kind(Object json) {
    return json instanceof Map<?, ?> ? "object" : json instanceof List<?> ? "array" : json instanceof String
        ? "string" : json instanceof Number ? "number" : json instanceof Boolean ? "boolean" : "null";
  }

  private static List<String> problems(Object value) {
    if (value instanceof Validatable validatable) {
      return validatable.validationProblems("$");
    }
    List<String> problems = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(element -> problems.addAll(problems(element)));
    }
    return problems;
  }

  /** The first place two JSON values differ, and how. */
  private static String difference(String path, JsonNode original, JsonNode written) {
    if (original.isObject() && written.isObject()) {
      for (var names = original.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!written.has(name)) {
          return path + "." + name + " dropped (was " + excerpt(original.get(name).toString()) + ")";
        }
        if (!original.get(name).equals(SAME_NUMBER, written.get(name))) {
          return difference(path + "." + name, original.get(name), written.get(name));
        }
      }
      for (var names = written.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!original.has(name)) {
          return path + "." + name + " added (" + excerpt(written.get(name).toString()) + ")";
        }
      }
    }
    if (original.isArray() && written.isArray() && original.size() == written.size()) {
      for (int i = 0; i < original.size(); i++) {
        if (!original.get(i).equals(SAME_NUMBER, written.get(i))) {
          return difference(path + "[" + i + "]", original.get(i), written.get(i));
        }
      }
    }
    return path + ": " + excerpt(original.toString()) + " written as " + excerpt(written.toString());
  }

  private static String excerpt(String json) {
    return json.length() <= 160 ? json : json.substring(0, 160) + "...";
  }

  /** An example as JSON text; one given as JSON text inside a string (xero does this) is that JSON. */
  private static String write(Object example) {
    if (example instanceof String text && (text.strip().startsWith("{") || text.strip().startsWith("["))) {
      try {
        return JSON.writeValueAsString(JSON.readTree(text));
      } catch (Exception notJson) {
        // A plain string after all.
      }
    }
    try {
      return io.swagger.v3.core.util.Json.mapper().writeValueAsString(example);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
