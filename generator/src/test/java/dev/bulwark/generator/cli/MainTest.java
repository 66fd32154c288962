package dev.bulwark.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.TestSpecs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generatesTheSample(@TempDir Path dir) {
    int code = run("--spec", TestSpecs.sample("petstore.yaml").toString(), "--package", "com.example.pets",
        "--out", dir.toString());

    assertThat(code).isEqualTo(Main.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Generated BulwarkPetStoreClient");
    assertThat(dir.resolve("com/example/pets/BulwarkPetStoreClient.java")).exists();
    assertThat(dir.resolve("com/example/pets/model/Pet.java")).exists();
    // The README names the runtime this build made (a snapshot, where only that exists), and no unpublished site.
    assertThat(dir.resolve("README.md")).content()
        .contains("<artifactId>bulwark-runtime</artifactId>\n  <version>" + System.getProperty("bulwark.projectVersion") + "</version>")
        .doesNotContain("github.com");
  }

  @Test
  void failOnWarningsFailsAfterWritingAndTheAccessOptionsAreTaken(@TempDir Path dir) throws Exception {
    // petstore.yaml warns (no timeouts, unkeyed POSTs).
    int code = run("--spec", TestSpecs.sample("petstore.yaml").toString(), "--package", "com.example.pets",
        "--out", dir.toString(), "--fail-on-warnings");
    assertThat(code).isEqualTo(Main.FAILED);
    assertThat(stderr()).contains("warning(s) and --fail-on-warnings is set");
    assertThat(dir.resolve("com/example/pets/BulwarkPetStoreClient.java")).exists();

    java.nio.file.Path shared = java.nio.file.Files.createDirectories(dir.resolve("shared"));
    java.nio.file.Files.writeString(shared.resolve("types.yaml"), "Thing: {type: object}\n");
    java.nio.file.Path specDir = java.nio.file.Files.createDirectories(dir.resolve("api"));
    java.nio.file.Path spec = java.nio.file.Files.writeString(specDir.resolve("api.yaml"), String.join("\n",
        "openapi: 3.0.3", "info: {title: T, version: '1'}", "paths: {}",
        "components: {schemas: {Thing: {$ref: '../shared/types.yaml#/Thing'}}}", ""));
    assertThat(run("--spec", spec.toString(), "--package", "com.example.t", "--out", dir.resolve("o1").toString()))
        .isEqualTo(Main.FAILED);
    assertThat(stderr()).contains("outside the folders the generator may read");
    assertThat(run("--spec", spec.toString(), "--package", "com.example.t", "--out", dir.resolve("o2").toString(),
        "--spec-root", shared.toString())).isEqualTo(Main.OK);
  }

  @Test
  void docsBaseUrlResolvesRelativeLinksAndMustBeAbsolute(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("api.yaml"), String.join("\n",
        "openapi: 3.0.3",
        "info: {title: Docs, version: '1', description: 'See [the guide](/docs/guide).'}",
        "paths: {}"));
    assertThat(run("--spec", spec.toString(), "--package", "com.example.docs", "--out", dir.resolve("a").toString(),
        "--docs-base-url", "https://docs.example.com")).isEqualTo(Main.OK);
    assertThat(dir.resolve("a/com/example/docs/DocsClient.java")).content()
        .contains("See <a href=\"https://docs.example.com/docs/guide\">the guide</a>.");

    assertThat(run("--spec", spec.toString(), "--package", "com.example.docs", "--out", dir.resolve("b").toString(),
        "--docs-base-url", "docs.example.com")).isEqualTo(Main.FAILED);
    assertThat(stderr()).contains("'docs.example.com' is not an absolute http or https URL");
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  void overlaysAreAppliedInOrder(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("api.yaml"), String.join("\n",
        "openapi: 3.0.3",
        "info: {title: Orders, version: '1'}",
        "paths:",
        "  /orders: {post: {operationId: createOrder, responses: {'201': {description: created}}}}"));
    Path first = Files.writeString(dir.resolve("first.yaml"), String.join("\n", "overlay: 1.0.0",
        "info: {title: keys, version: '1'}", "actions:",
        "  - {target: $, update: {x-bulwark-idempotency-key: {header: Idempotency-Key}}}"));
    Path second = Files.writeString(dir.resolve("second.yaml"), String.join("\n", "overlay: 1.0.0",
        "info: {title: rename, version: '1'}", "actions:",
        "  - {target: $, update: {x-bulwark-idempotency-key: {header: X-Key}}}",
        "  - {target: '$.nothing', update: {a: 1}}"));
    assertThat(run("--spec", spec.toString(), "--package", "com.example.orders", "--out", dir.resolve("out").toString(),
        "--overlay", first.toString(), "--overlay", second.toString())).isEqualTo(Main.OK);
    assertThat(dir.resolve("out/com/example/orders/service/OrdersService.java")).content()
        .contains(".idempotencyKeyHeader(\"X-Key\")");
    assertThat(stderr()).contains("second.yaml:5: /actions/1/target: target '$.nothing' matches nothing");
  }

  @Test
  void clientNameOptionNamesTheClass(@TempDir Path dir) {
    int code = run("--spec", TestSpecs.sample("petstore.yaml").toString(), "--package", "com.example.pets",
        "--out", dir.toString(), "--client-name", "Shop");

    assertThat(code).isEqualTo(Main.OK);
    assertThat(dir.resolve("com/example/pets/Shop.java")).exists();
  }

  @Test
  void malformedSpecFailsWithFileAndProblemAndNoStackTrace(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, "openapi: 3.0.3\ninfo: {title: x\npaths: {}\n");

    int code = run("--spec", spec.toString(), "--package", "com.example", "--out", dir.resolve("out").toString());

    assertThat(code).isEqualTo(Main.FAILED);
    assertThat(stderr()).contains("bad.yaml:").contains("not valid YAML or JSON").doesNotContain("\tat ");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void missingSpecFailsNamingTheFile(@TempDir Path dir) {
    int code = run("--spec", dir.resolve("absent.yaml").toString(), "--package", "com.example",
        "--out", dir.toString());

    assertThat(code).isEqualTo(Main.FAILED);
    assertThat(stderr()).contains("absent.yaml").contains("no such file");
  }

  @Test
  void invalidPackageIsRefused(@TempDir Path dir) {
    int code = run("--spec", TestSpecs.sample("petstore.yaml").toString(), "--package", "Com.Example-Bad",
        "--out", dir.toString());

    assertThat(code).isEqualTo(Main.FAILED);
    assertThat(stderr()).contains("is not a Java package name");
  }

  @Test
  void missingOptionsPrintUsage() {
    assertThat(run("--spec", "x.yaml")).isEqualTo(Main.USAGE);
    assertThat(stderr()).contains("--spec, --package and --out are required").contains("Usage:");
  }

  @Test
  void unknownOptionPrintsUsage() {
    assertThat(run("--spek", "x.yaml")).isEqualTo(Main.USAGE);
    assertThat(stderr()).contains("unknown option '--spek'");
  }

  @Test
  void helpPrintsUsage() {
    assertThat(run("--help")).isEqualTo(Main.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:").contains("--client-name");
  }
}
