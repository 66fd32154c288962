package dev.bulwark.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.generator.Generator;
import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.normalize.Normalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAPI Overlays applied before the spec is read: resilience added to a spec the user does not own (an
 * idempotency key at the root, a retry policy on one operation), an array extended, a path removed; a target that
 * selects nothing warns with the overlay's file, pointer and line; a malformed overlay fails naming them; changing
 * an overlay regenerates.
 */
class OverlaysTest {
  private static final String SPEC = String.join("\n",
      "openapi: 3.0.3",
      "info: {title: Shop, version: '1'}",
      "servers: [{url: 'https://api.example.com'}]",
      "paths:",
      "  /orders:",
      "    post:",
      "      operationId: createOrder",
      "      responses: {'201': {description: created}}",
      "    get:",
      "      operationId: listOrders",
      "      responses: {'200': {description: ok}}",
      "  /internal/debug:",
      "    get:",
      "      operationId: debug",
      "      responses: {'200': {description: ok}}",
      "");

  @TempDir Path directory;

  private Path write(String name, String... lines) throws Exception {
    return Files.writeString(directory.resolve(name), String.join("\n", lines) + "\n");
  }

  private static List<OperationModel> operations(LoadedSpec spec) throws GeneratorException {
    ApiModel api = new Normalizer().normalize(spec, Optional.empty()).model();
    return api.services().stream().flatMap(s -> s.operations().stream()).toList();
  }

  @Test
  void actionsUpdateExtendAndRemoveInOrder() throws Exception {
    Path spec = write("shop.yaml", SPEC);
    Path resilience = write("resilience.yaml",
        "overlay: 1.0.0",
        "info: {title: Resilience for the shop, version: '1'}",
        "actions:",
        "  - target: $",
        "    update:",
        "      x-bulwark-idempotency-key: {header: Idempotency-Key}",
        "  - target: \"$.paths['/orders'].get\"",
        "    update:",
        "      x-bulwark-retry: {maxAttempts: 5}",
        "  - target: $.servers",
        "    update: {url: 'https://eu.api.example.com'}");
    Path cleanup = write("cleanup.yaml",
        "overlay: 1.0.0",
        "info: {title: Cleanup, version: '1'}",
        "actions:",
        "  - target: \"$.paths['/internal/debug']\"",
        "    remove: true");

    LoadedSpec loaded = new SpecLoader().load(spec, SpecAccess.defaults(), List.of(resilience, cleanup));

    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.openApi().getServers()).extracting(s -> s.getUrl())
        .containsExactly("https://api.example.com", "https://eu.api.example.com");
    List<OperationModel> operations = operations(loaded);
    assertThat(operations).extracting(OperationModel::operationId)
        .containsExactlyInAnyOrder("createOrder", "listOrders");
    OperationModel create = operations.stream().filter(o -> o.operationId().equals("createOrder")).findFirst()
        .orElseThrow();
    OperationModel list = operations.stream().filter(o -> o.operationId().equals("listOrders")).findFirst()
        .orElseThrow();
    assertThat(create.resilience().idempotencyKeyHeader()).contains("Idempotency-Key");
    assertThat(list.resilience().retry().maxAttempts()).contains(5);
    assertThat(create.resilience().retry().maxAttempts()).isEmpty();
    // The spec itself is untouched.
    assertThat(Files.readString(spec)).isEqualTo(SPEC + "\n");
  }

  @Test
  void aBuildsRootSettingsActAsTheSpecsRootExtensionsBeforeTheOverlays() throws Exception {
    Path spec = write("shop.yaml", SPEC.replace("paths:\n", "x-bulwark-retry: {maxAttempts: 2, maxDelay: 1s}\npaths:\n"));
    Path overlay = write("never.yaml", "overlay: 1.0.0", "info: {title: N, version: '1'}", "actions:",
        "  - target: \"$.paths['/orders'].get\"", "    update: {x-bulwark-retry: {maxAttempts: 1}}");
    RootSettings settings = new RootSettings(Optional.of("Idempotency-Key"),
        java.util.Map.of("maxAttempts", "4", "initialDelay", "200ms"), java.util.Map.of("call", "30s"));

    List<OperationModel> operations = operations(new SpecLoader().load(spec, SpecAccess.defaults(),
        List.of(overlay), settings));

    OperationModel create = operations.stream().filter(o -> o.operationId().equals("createOrder")).findFirst()
        .orElseThrow();
    assertThat(create.resilience().idempotencyKeyHeader()).contains("Idempotency-Key");
    assertThat(create.resilience().retry().maxAttempts()).contains(4);
    assertThat(create.resilience().retry().initialDelay()).contains(java.time.Duration.ofMillis(200));
    // The spec's own root member the build did not set stays; the operation's own setting still wins.
    assertThat(create.resilience().retry().maxDelay()).contains(java.time.Duration.ofSeconds(1));
    assertThat(create.resilience().timeouts().call()).contains(java.time.Duration.ofSeconds(30));
    OperationModel list = operations.stream().filter(o -> o.operationId().equals("listOrders")).findFirst()
        .orElseThrow();
    assertThat(list.resilience().retry().maxAttempts()).contains(1);
    assertThat(list.resilience().idempotencyKeyHeader()).isEmpty();
  }

  @Test
  void aTargetThatSelectsNothingWarnsWithTheOverlaysFilePointerAndLine() throws Exception {
    Path spec = write("shop.yaml", SPEC);
    Path overlay = write("typo.yaml",
        "overlay: 1.0.0",
        "info: {title: Typo, version: '1'}",
        "actions:",
        "  - target: \"$.paths['/order'].post\"",
        "    update: {x-bulwark-idempotency-key: true}");

    LoadedSpec loaded = new SpecLoader().load(spec, SpecAccess.defaults(), List.of(overlay));

    assertThat(loaded.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.file()).isEqualTo(overlay.toString());
      assertThat(warning.location()).isEqualTo("/actions/0/target");
      assertThat(warning.line()).hasValue(4);
      assertThat(warning.message()).contains("target '$.paths['/order'].post' matches nothing");
    });
  }

  @Test
  void aMalformedOverlayFailsNamingTheFileAndTheAction() throws Exception {
    Path spec = write("shop.yaml", SPEC);
    Path badPath = write("bad-path.yaml",
        "overlay: 1.0.0",
        "info: {title: Bad, version: '1'}",
        "actions:",
        "  - target: \"$.paths['/orders'\"",
        "    update: {}",
        "  - target: $.info",
        "    description: neither update nor remove");
    assertThatThrownBy(() -> new SpecLoader().load(spec, SpecAccess.defaults(), List.of(badPath)))
        .isInstanceOfSatisfying(GeneratorException.class, e -> assertThat(e.problems()).satisfiesExactly(
            first -> {
              assertThat(first.file()).isEqualTo(badPath.toString());
              assertThat(first.location()).isEqualTo("/actions/0/target");
              assertThat(first.message()).contains("is not a JSONPath");
            },
            second -> {
              assertThat(second.location()).isEqualTo("/actions/1");
              assertThat(second.message()).contains("neither 'update' nor 'remove: true'");
            }));

    Path notAnOverlay = write("not.yaml", "openapi: 3.0.3", "actions: []");
    assertThatThrownBy(() -> new SpecLoader().load(spec, SpecAccess.defaults(), List.of(notAnOverlay)))
        .isInstanceOfSatisfying(GeneratorException.class, e -> assertThat(e.problems())
            .extracting(p -> p.location() + ": " + p.message())
            .containsExactly("/overlay: not an Overlay 1.x document: it needs 'overlay: 1.0.0' (found none)",
                "/actions: an overlay needs a non-empty 'actions' list"));
    assertThatThrownBy(() -> new SpecLoader().load(spec, SpecAccess.defaults(),
        List.of(directory.resolve("missing.yaml"))))
        .isInstanceOfSatisfying(GeneratorException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.message()).startsWith("no such file")));
  }

  @Test
  void changingAnOverlayRegeneratesTheClient() throws Exception {
    Path spec = write("shop.yaml", SPEC);
    Path overlay = write("resilience.yaml", "overlay: 1.0.0", "info: {title: R, version: '1'}", "actions:",
        "  - target: $", "    update: {x-bulwark-idempotency-key: {header: Idempotency-Key}}");
    Generator.Options options = new Generator.Options(spec, "com.example.shop", Optional.empty(),
        directory.resolve("out"), true, SpecAccess.defaults(), Optional.empty(), List.of(overlay));

    assertThat(new Generator().generate(options).upToDate()).isFalse();
    assertThat(new Generator().generate(options).upToDate()).isTrue();
    Files.writeString(overlay, Files.readString(overlay).replace("Idempotency-Key", "X-Request-Key"));
    Generator.Result changed = new Generator().generate(options);
    assertThat(changed.upToDate()).isFalse();
    assertThat(Files.readString(directory.resolve("out/com/example/shop/service/OrdersService.java")))
        .contains(".idempotencyKeyHeader(\"X-Request-Key\")");
  }
}
