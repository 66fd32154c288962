package dev.bulwark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No text from a spec can end a comment or become code: text that closes a comment, the same through a Unicode
 * escape (which javac reads before it sees comments), an escaped backslash before one (which a naive escaper turns
 * back into a live escape), an escaped line end for line comments, and Javadoc tags and HTML, in every place spec
 * text reaches the generated sources. The client compiles with doclint, and loading every class runs no injected code.
 */
class HostileTextTest {
  private static final String BACKSLASH = "\\";
  /** Each, were it code, would fail compilation or class initialisation. */
  private static final List<String> PAYLOADS = List.of(
      "*/ static { if (true) throw new Error(\"escaped 1\"); } /*",
      BACKSLASH + "u002a/ static { if (true) throw new Error(\"escaped 2\"); } /" + BACKSLASH + "u002a",
      BACKSLASH + BACKSLASH + "u002a/ static { if (true) throw new Error(\"escaped 3\"); } /*",
      BACKSLASH + "u000a static { if (true) throw new Error(\"escaped 4\"); }",
      "@param nope {@link Nope} {@code <placeholder> </pre> <script>alert(1)</script> @return",
      "<!-- -->\n\n# Heading\n\n    indented */ code\n\n```\n*/ fenced\n```\n\n[relative](/docs/x) ![image](a.png)");
  private static final String HOSTILE = String.join(" ", PAYLOADS);

  @TempDir
  Path work;

  @Test
  void hostileTextInEveryPlaceStaysText() throws Exception {
    Path spec = hostileSpec();
    new Generator().generate(new Generator.Options(spec, "com.example.hostile", Optional.empty(),
        work.resolve("src")));

    JavaCompilation.Outcome outcome = JavaCompilation.compile(work.resolve("src"), work.resolve("classes"));
    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.success()).isTrue();
    assertThat(outcome.warnings()).isEmpty();

    List<String> classNames;
    Path classes = work.resolve("classes");
    try (Stream<Path> walk = Files.walk(classes)) {
      classNames = walk.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString().replace(".class", "").replace('/', '.')).toList();
    }
    assertThat(classNames).hasSizeGreaterThan(10);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      for (String name : classNames) {
        Class.forName(name, true, loader);
      }
    }
  }

  private Path hostileSpec() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode spec = json.createObjectNode().put("openapi", "3.0.3");
    spec.putObject("info").put("title", "Hostile " + HOSTILE).put("version", "1 " + HOSTILE)
        .put("description", "# Starts with a heading\n\n- and a list\n\n" + HOSTILE);
    ArrayNode servers = spec.putArray("servers");
    servers.addObject().put("url", "https://api.example.com/v1").put("description", HOSTILE);
    servers.addObject().put("url", "https://{region}.example.com/" + PAYLOADS.get(0)).put("description", HOSTILE)
        .putObject("variables").putObject("region").put("default", "eu" + PAYLOADS.get(1))
        .put("description", HOSTILE);
    spec.putArray("tags").addObject().put("name", "items " + HOSTILE).put("description", "```\ncode first\n```\n" + HOSTILE);

    ObjectNode operation = spec.putObject("paths").putObject("/items*/{id}").putObject("post")
        .put("operationId", "create*/Item" + PAYLOADS.get(1)).put("summary", HOSTILE)
        .put("description", "- starts with a list\n\n" + HOSTILE);
    operation.putArray("tags").add("items " + HOSTILE);
    ArrayNode parameters = operation.putArray("parameters");
    parameters.addObject().put("name", "id").put("in", "path").put("required", true).put("description", HOSTILE)
        .putObject("schema").put("type", "string");
    ObjectNode query = parameters.addObject().put("name", "q*/" + PAYLOADS.get(2)).put("in", "query")
        .put("description", HOSTILE).put("example", HOSTILE);
    query.putObject("schema").put("type", "string").put("default", HOSTILE);
    parameters.addObject().put("name", "X-Trace*/" + PAYLOADS.get(3)).put("in", "header")
        .put("description", HOSTILE).putObject("schema").put("type", "string");
    ObjectNode body = operation.putObject("requestBody").put("description", HOSTILE);
    body.putObject("content").putObject("application/json").put("example", HOSTILE).putObject("schema")
        .put("$ref", "#/components/schemas/Item");
    ObjectNode responses = operation.putObject("responses");
    responses.putObject("200").put("description", HOSTILE).putObject("content").putObject("application/json")
        .putObject("schema").put("$ref", "#/components/schemas/Item");
    responses.putObject("default").put("description", HOSTILE);

    ObjectNode components = spec.putObject("components");
    ObjectNode item = components.putObject("schemas").putObject("Item").put("type", "object")
        .put("title", HOSTILE).put("description", HOSTILE);
    item.putArray("required").add("name");
    ObjectNode properties = item.putObject("properties");
    properties.putObject("name").put("type", "string").put("description", HOSTILE).put("default", HOSTILE)
        .put("example", HOSTILE);
    properties.putObject("odd*/" + PAYLOADS.get(1)).put("type", "integer").put("description", HOSTILE)
        .put("default", 3);
    ObjectNode kind = properties.putObject("kind").put("type", "string").put("description", HOSTILE);
    ArrayNode values = kind.putArray("enum");
    PAYLOADS.forEach(values::add);
    ObjectNode choice = properties.putObject("choice").put("description", HOSTILE);
    ArrayNode variants = choice.putArray("oneOf");
    variants.addObject().put("type", "string").put("title", HOSTILE).put("description", HOSTILE);
    variants.addObject().put("type", "object").put("title", PAYLOADS.get(2)).put("description", HOSTILE)
        .putObject("properties").putObject("v").put("type", "integer");
    ObjectNode schemes = components.putObject("securitySchemes");
    schemes.putObject("key*/" + PAYLOADS.get(1)).put("type", "apiKey").put("in", "header")
        .put("name", "X-Key*/" + PAYLOADS.get(2)).put("description", HOSTILE);
    schemes.putObject("oauth*/").put("type", "oauth2").putObject("flows").putObject("clientCredentials")
        .put("tokenUrl", "https://auth.example.com/token*/" + PAYLOADS.get(1)).putObject("scopes")
        .put("read*/" + PAYLOADS.get(2), HOSTILE);
    spec.putArray("security").addObject().putArray("key*/" + PAYLOADS.get(1));
    return Files.writeString(work.resolve("hostile" + BACKSLASH + "u000a.json"), json.writeValueAsString(spec));
  }
}
