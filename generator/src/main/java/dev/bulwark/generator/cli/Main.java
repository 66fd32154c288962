package dev.bulwark.generator.cli;

import dev.bulwark.generator.Generator;
import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Generates a client from the command line. Exit codes: 0 generated, 1 the spec or the output failed, 2 the command
 * line was wrong.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT = String.join("\n",
      "Usage: java -jar bulwark-generator-" + Generator.VERSION + "-cli.jar --spec FILE --package PKG --out DIR"
          + " [--client-name NAME] [--overlay FILE]... [--spec-root DIR]... [--docs-base-url URL] [--fetch-remote-refs]"
          + " [--fail-on-warnings]",
      "",
      "Generates a Java client for an OpenAPI 3.x or Swagger 2.0 document.",
      "",
      "  --spec FILE         the OpenAPI document (YAML or JSON); $refs to other files are followed",
      "  --package PKG       the Java package of the client, such as com.example.petstore",
      "  --out DIR           the source root to write to (created if missing); README.md goes there too",
      "  --client-name NAME  the client class name (default: from info.title, such as PetStoreClient)",
      "  --overlay FILE      an OpenAPI Overlay applied to the spec before it is read (repeatable, in order)",
      "  --spec-root DIR     a folder whose files $refs may name, besides the spec's own (repeatable)",
      "  --docs-base-url URL where the spec's relative links (such as /docs/guides) point, for the Javadoc;",
      "                      without it such links are shown as their text",
      "  --fetch-remote-refs fetch http(s) $refs (by default the generator reads nothing remote)",
      "  --fail-on-warnings  exit with 1 when generation warns (the client is still written)",
      "  --quiet             print nothing but errors",
      "  --help              print this text");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command and returns its exit code; never calls {@link System#exit}, so tests can call it. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String spec = null;
    String packageName = null;
    String outDir = null;
    String clientName = null;
    boolean quiet = false;
    boolean fetchRemote = false;
    boolean failOnWarnings = false;
    String docsBaseUrl = null;
    java.util.List<Path> roots = new java.util.ArrayList<>();
    java.util.List<Path> overlays = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE_TEXT);
        return OK;
      }
      if (arg.equals("--quiet")) {
        quiet = true;
        continue;
      }
      if (arg.equals("--fetch-remote-refs")) {
        fetchRemote = true;
        continue;
      }
      if (arg.equals("--fail-on-warnings")) {
        failOnWarnings = true;
        continue;
      }
      if (!arg.equals("--spec") && !arg.equals("--package") && !arg.equals("--out") && !arg.equals("--client-name")
          && !arg.equals("--spec-root") && !arg.equals("--docs-base-url") && !arg.equals("--overlay")) {
        return usage(err, "unknown option '" + arg + "'");
      }
      if (i + 1 >= args.length) {
        return usage(err, "option " + arg + " needs a value");
      }
      String value = args[++i];
      switch (arg) {
        case "--spec" -> spec = value;
        case "--package" -> packageName = value;
        case "--out" -> outDir = value;
        case "--spec-root" -> roots.add(Path.of(value));
        case "--docs-base-url" -> docsBaseUrl = value;
        case "--overlay" -> overlays.add(Path.of(value));
        default -> clientName = value;
      }
    }
    if (spec == null || packageName == null || outDir == null) {
      return usage(err, "--spec, --package and --out are required");
    }
    Optional<java.net.URI> docsBase;
    try {
      docsBase = Optional.ofNullable(docsBaseUrl).map(java.net.URI::create);
    } catch (IllegalArgumentException e) {
      return usage(err, "--docs-base-url '" + docsBaseUrl + "' is not a URL: " + e.getMessage());
    }
    try {
      Generator.Result result = new Generator().generate(new Generator.Options(
          Path.of(spec), packageName, Optional.ofNullable(clientName), Path.of(outDir), false,
          new dev.bulwark.generator.load.SpecAccess(roots, fetchRemote), docsBase, overlays));
      for (SpecProblem warning : result.warnings()) {
        err.println("warning: " + warning);
      }
      if (!quiet) {
        out.printf("Generated %s in %s: %d files written, %d unchanged.%n",
            result.clientName(), outDir, result.files().written().size(), result.files().unchanged().size());
      }
      if (failOnWarnings && !result.warnings().isEmpty()) {
        err.println("error: " + result.warnings().size() + " warning(s) and --fail-on-warnings is set");
        return FAILED;
      }
      return OK;
    } catch (GeneratorException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    } catch (IOException e) {
      err.println("error: cannot write the output: " + e.getMessage());
      return FAILED;
    } catch (RuntimeException e) {
      // A bug in Bulwark, not in the spec: say so, and give what a bug report needs.
      err.println("error: the generator failed on " + spec + " (a Bulwark bug; please report it with the spec): "
          + e);
      StackTraceElement[] trace = e.getStackTrace();
      for (int i = 0; i < Math.min(5, trace.length); i++) {
        err.println("    at " + trace[i]);
      }
      return FAILED;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println(USAGE_TEXT);
    return USAGE;
  }
}
