package dev.bulwark.conformance;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prism ({@code @stoplight/prism-cli}), the third-party mock server, run on loopback with {@code --errors}: every
 * request is validated against the spec, and one that breaks it gets a 422 with an {@code sl-violations} header.
 * Installed with npm on first use into a cache outside the build directory, so that {@code mvn clean} keeps it.
 */
final class Prism implements AutoCloseable {
  static final String VERSION = "5.14.2";
  private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final int port;

  private Prism(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts Prism mocking {@code spec}; skips the test (or fails it on CI) when Prism cannot be installed. */
  static Prism mock(Path spec, Path workDir) throws Exception {
    Path executable = installed();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = workDir.resolve("prism-" + spec.getFileName() + ".log");
    Process process = new ProcessBuilder(executable.toString(), "mock", "--host", "127.0.0.1", "--port",
        String.valueOf(port), "--errors", spec.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Prism prism = new Prism(process, log, port);
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (!prism.log().contains("Prism is listening")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        prism.close();
        throw new IllegalStateException("Prism did not start within " + START_LIMIT.toSeconds() + " s:\n"
            + prism.log());
      }
      Thread.sleep(100);
    }
    return prism;
  }

  /** The mock's base URL; Prism serves the spec's paths at its root, whatever the spec's servers say. */
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Everything Prism has printed so far. */
  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** The lines in which Prism reports a request that broke the spec. */
  List<String> violations() throws IOException {
    return log().lines()
        .filter(line -> line.contains("did not pass the validation rules") || line.contains("[VALIDATOR] ✖"))
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static Path installed() throws Exception {
    String configured = System.getenv("PRISM_BIN");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Path.of(configured);
    }
    Path prefix = Path.of(System.getProperty("user.home"), ".cache", "bulwark", "prism-" + VERSION);
    Path executable = prefix.resolve("node_modules/.bin/prism");
    if (Files.isExecutable(executable)) {
      return executable;
    }
    Files.createDirectories(prefix);
    Path installLog = prefix.resolve("install.log");
    Process install;
    try {
      install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(),
          "@stoplight/prism-cli@" + VERSION)
          .redirectErrorStream(true)
          .redirectOutput(installLog.toFile())
          .start();
    } catch (IOException e) {
      return unavailable("npm is not on the PATH (" + e.getMessage() + ")");
    }
    if (!install.waitFor(INSTALL_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      install.destroyForcibly();
      return unavailable("npm install did not finish within " + INSTALL_LIMIT.toMinutes() + " minutes");
    }
    if (install.exitValue() != 0 || !Files.isExecutable(executable)) {
      return unavailable("npm install failed:\n" + Files.readString(installLog));
    }
    return executable;
  }

  private static Path unavailable(String why) {
    String message = "Prism " + VERSION + " is unavailable: " + why;
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(message);
    }
    Assumptions.abort(message + "; set PRISM_BIN or install Node.js and npm to run the conformance tests");
    return null;
  }
}
