package dev.bulwark.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator reads only what it was given: the spec's folder, folders the user allows, remote only if asked. */
class SpecAccessTest {
  private static final String SECRET_TEXT = "root:x:0:0:TOP-SECRET";

  @TempDir
  Path work;

  private static String spec(String ref) {
    return """
        openapi: 3.0.3
        info: {title: Access, version: '1'}
        paths:
          /things:
            get:
              operationId: getThing
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '%s'}
        """.formatted(ref);
  }

  private Path write(String relative, String text) throws IOException {
    Path file = work.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private Path secretOutside() throws IOException {
    return write("elsewhere/passwd.yaml", "Thing: {type: object, description: '" + SECRET_TEXT + "'}\n");
  }

  private static List<SpecProblem> problems(Runnable load) {
    try {
      load.run();
    } catch (RuntimeException e) {
      if (e.getCause() instanceof GeneratorException generator) {
        return generator.problems();
      }
      throw e;
    }
    throw new AssertionError("the load did not fail");
  }

  private static void load(Path spec, SpecAccess access) {
    try {
      new SpecLoader().load(spec, access);
    } catch (GeneratorException e) {
      throw new RuntimeException(e);
    }
  }

  @Test
  void aFileOutsideTheSpecsFolderIsRefusedBeforeItIsRead() throws Exception {
    secretOutside();
    Path spec = write("api/spec.yaml", spec("../elsewhere/passwd.yaml#/Thing"));
    List<SpecProblem> problems = problems(() -> load(spec, SpecAccess.defaults()));
    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.file()).isEqualTo(spec.toAbsolutePath().normalize().toString());
      assertThat(problem.location())
          .isEqualTo("/paths/~1things/get/responses/200/content/application~1json/schema/$ref");
      assertThat(problem.message()).contains("outside the folders the generator may read", "specRoots",
          "--spec-root").doesNotContain(SECRET_TEXT);
    });
  }

  @Test
  void anAbsolutePathAndALinkOutOfTheFolderAreRefusedToo() throws Exception {
    Path secret = secretOutside();
    Path absolute = write("api/absolute.yaml", spec(secret.toAbsolutePath() + "#/Thing"));
    assertThat(problems(() -> load(absolute, SpecAccess.defaults()))).singleElement()
        .satisfies(problem -> assertThat(problem.message()).contains("outside the folders"));
    Path link = work.resolve("api/link.yaml");
    Files.createSymbolicLink(link, secret);
    Path linked = write("api/linked.yaml", spec("link.yaml#/Thing"));
    assertThat(problems(() -> load(linked, SpecAccess.defaults()))).singleElement()
        .satisfies(problem -> assertThat(problem.message()).contains("outside the folders"));
  }

  @Test
  void aFolderTheUserAllowsMayBeRead() throws Exception {
    secretOutside();
    Path spec = write("api/spec.yaml", spec("../elsewhere/passwd.yaml#/Thing"));
    LoadedSpec loaded = new SpecLoader().load(spec, new SpecAccess(List.of(work.resolve("elsewhere")), false));
    assertThat(loaded.openApi().getPaths()).containsKey("/things");
  }

  @Test
  void aRefInsideExamplesDefaultsOrExtensionsIsDataNotAReference() throws Exception {
    // square.json's event examples quote JSON Schema documents, remote $refs included.
    Path spec = write("api/literal.yaml", """
        openapi: 3.0.3
        info: {title: Literal, version: '1'}
        x-vendor: {$ref: 'https://example.com/vendor.json'}
        paths: {}
        components:
          schemas:
            Event:
              type: object
              example: {schema: {$ref: 'https://example.com/common.json#String'}}
              default: {$ref: '../elsewhere/passwd.yaml'}
              properties:
                value: {$ref: '#/components/schemas/Named'}
                default: {type: string}
            Named: {type: string}
        """);
    LoadedSpec loaded = new SpecLoader().load(spec);
    assertThat(loaded.openApi().getComponents().getSchemas()).containsKey("Event");
    assertThat(loaded.inputs()).hasSize(1);
  }

  @Test
  void aMissingFileIsAReadProblemNamingThePointer() throws Exception {
    Path spec = write("api/spec.yaml", spec("nope.yaml#/Thing"));
    assertThat(problems(() -> load(spec, SpecAccess.defaults()))).singleElement().satisfies(problem -> {
      assertThat(problem.location()).endsWith("/schema/$ref");
      assertThat(problem.message()).contains("nope.yaml", "does not exist");
    });
  }

  @Test
  void aRemoteReferenceIsRefusedAndNothingIsFetchedUnlessAllowed() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket socket = server.accept()) {
            connections.incrementAndGet();
            socket.getInputStream().read(new byte[4096]);
            byte[] body = "Thing: {type: object, properties: {id: {type: string}}}\n".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/yaml\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
          } catch (IOException closed) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/schemas.yaml#/Thing";
      Path spec = write("api/remote.yaml", spec(url));
      assertThat(problems(() -> load(spec, SpecAccess.defaults()))).singleElement().satisfies(problem -> {
        assertThat(problem.location()).endsWith("/schema/$ref");
        assertThat(problem.message()).contains("is remote", "fetchRemoteReferences", "--fetch-remote-refs");
      });
      assertThat(connections.get()).as("requests the refused load made").isZero();

      LoadedSpec fetched = new SpecLoader().load(spec, new SpecAccess(List.of(), true));
      assertThat(fetched.openApi().getPaths()).containsKey("/things");
      assertThat(connections.get()).isPositive();
    }
  }

  /** A billion laughs in 1.5 KB: nine levels of ten aliases each. */
  private static String bomb(String header) {
    StringBuilder yaml = new StringBuilder(header).append("x-lol0: &a0 [\"lol\"]\n");
    for (int level = 1; level <= 9; level++) {
      yaml.append("x-lol").append(level).append(": &a").append(level).append(" [");
      for (int i = 0; i < 10; i++) {
        yaml.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
      }
      yaml.append("]\n");
    }
    return yaml.toString();
  }

  @Test
  void aliasesStandForTheirAnchorsValue() throws Exception {
    Path spec = write("aliases/spec.yaml", """
        openapi: 3.0.3
        info: {title: Aliases, version: '1'}
        paths:
          /things:
            get:
              operationId: getThing
              responses: &ok
                '200':
                  description: ok
          /others:
            get:
              operationId: getOther
              responses: *ok
        """);
    LoadedSpec loaded = new SpecLoader().load(spec);
    assertThat(loaded.openApi().getPaths().get("/others").getGet().getResponses()).containsKey("200");
  }

  @Test
  void aliasBombsFailFastOnEveryParsePath() throws Exception {
    Path openApi = write("bombs/openapi.yaml", bomb("openapi: 3.0.3\ninfo: {title: Bomb, version: '1'}\npaths: {}\n"));
    Path swagger = write("bombs/swagger.yaml", bomb("swagger: '2.0'\ninfo: {title: Bomb, version: '1'}\npaths: {}\n"));
    write("bombs/part.yaml", bomb("Thing: {type: object}\n"));
    Path referring = write("bombs/referring.yaml", spec("part.yaml#/Thing"));
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (Path spec : List.of(openApi, swagger)) {
        assertThatThrownBy(() -> new SpecLoader().load(spec))
            .isInstanceOfSatisfying(GeneratorException.class, e -> assertThat(e.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).containsIgnoringCase("aliases")));
      }
      assertThat(problems(() -> load(referring, SpecAccess.defaults()))).singleElement().satisfies(problem -> {
        assertThat(problem.message()).contains("part.yaml", "cannot be read").containsIgnoringCase("aliases");
        assertThat(problem.location()).endsWith("/schema/$ref");
      });
    });
  }
}
