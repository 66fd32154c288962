package dev.bulwark.maven;

import dev.bulwark.generator.Generator;
import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates a Java client from an OpenAPI document and adds it to the project's compile sources.
 *
 * <p>The generated code depends on {@code dev.bulwark:bulwark-runtime}, which the project must declare.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  /** The OpenAPI 3.x or Swagger 2.0 document, YAML or JSON. {@code $ref}s to other files are followed. */
  @Parameter(property = "bulwark.inputSpec", required = true)
  private File inputSpec;

  /** The Java package of the client, such as {@code com.example.petstore}. */
  @Parameter(property = "bulwark.packageName", required = true)
  private String packageName;

  /** The client class name. Default: derived from the spec's {@code info.title}, such as {@code PetStoreClient}. */
  @Parameter(property = "bulwark.clientName")
  private String clientName;

  /** Where the sources go; added as a compile source root. */
  @Parameter(property = "bulwark.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/bulwark")
  private File outputDirectory;

  /**
   * Skips generation when nothing it depends on changed: the spec, every file it references, these parameters and the
   * generator's version (a fingerprint kept in the output directory). Set to {@code false} to always regenerate.
   */
  @Parameter(property = "bulwark.incremental", defaultValue = "true")
  private boolean incremental;

  /** Skips generation; the output directory is still added as a source root. */
  /**
   * Folders whose files the spec's {@code $ref}s may name, besides the spec's own folder. A reference to any other file
   * fails the build, naming the pointer that makes it.
   */
  @Parameter
  private java.util.List<File> specRoots;

  /**
   * Fails the build when generation warns (a {@code $ref} to a schema that does not exist, a lint finding), after
   * writing the client and printing the warnings: for specs you own, where every warning is yours to fix.
   */
  @Parameter(property = "bulwark.failOnWarnings", defaultValue = "false")
  private boolean failOnWarnings;

  /** Whether {@code http(s)} {@code $ref}s are fetched; by default the generator reads nothing remote. */
  @Parameter(property = "bulwark.fetchRemoteReferences", defaultValue = "false")
  private boolean fetchRemoteReferences;

  /**
   * Where the spec's relative links (such as {@code /docs/guides/errors}) point, for the generated Javadoc: an absolute
   * http or https URL, usually the API's documentation site. Without it such links are shown as their text.
   */
  @Parameter(property = "bulwark.docsBaseUrl")
  private String docsBaseUrl;

  /**
   * OpenAPI Overlay documents (Overlay Specification 1.0) applied to the spec, in order, before it is read: to add
   * what a spec you do not own lacks (an idempotency key header, retry policies, timeouts) without editing it.
   * Changing an overlay regenerates the client.
   */
  @Parameter
  private java.util.List<File> overlays;

  /**
   * The header of an idempotency key for every POST and PATCH of the spec, as if the spec's root said {@code
   * x-bulwark-idempotency-key: {header: ...}}: such calls are then retried like idempotent ones.
   */
  @Parameter(property = "bulwark.idempotencyKeyHeader")
  private String idempotencyKeyHeader;

  /**
   * A retry policy for every operation, as if written at the spec's root as {@code x-bulwark-retry}
   * ({@code <retry><maxAttempts>4</maxAttempts><initialDelay>200ms</initialDelay></retry>}).
   */
  @Parameter
  private java.util.Map<String, String> retry;

  /** Timeouts for every operation, as if written at the spec's root as {@code x-bulwark-timeout}. */
  @Parameter
  private java.util.Map<String, String> timeouts;

  @Parameter(property = "bulwark.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  private dev.bulwark.generator.load.SpecAccess access() {
    return access(specRoots, fetchRemoteReferences);
  }

  /** What the generator may read, from the goals' {@code specRoots} and {@code fetchRemoteReferences}. */
  static dev.bulwark.generator.load.SpecAccess access(java.util.List<File> specRoots, boolean fetchRemoteReferences) {
    return new dev.bulwark.generator.load.SpecAccess(specRoots == null ? java.util.List.of()
        : specRoots.stream().map(File::toPath).toList(), fetchRemoteReferences);
  }

  private Optional<java.net.URI> docsBase() throws MojoFailureException {
    try {
      return Optional.ofNullable(docsBaseUrl).filter(url -> !url.isBlank()).map(java.net.URI::create);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("docsBaseUrl '" + docsBaseUrl + "' is not a URL: " + e.getMessage()
          + "; give an absolute one, such as https://docs.example.com");
    }
  }

  /**
   * Prints the warnings, those that recur across operations grouped a line per kind, every one listed in
   * {@code target/bulwark/warnings-<spec>.txt} (and at debug level) when any is grouped.
   */
  static void printWarnings(org.apache.maven.plugin.AbstractMojo mojo, MavenProject project, File spec,
      java.util.List<SpecProblem> warnings) {
    java.nio.file.Path report = java.nio.file.Path.of(project.getBuild().getDirectory(), "bulwark",
        "warnings-" + spec.getName() + ".txt");
    for (String line : dev.bulwark.generator.lint.WarningSummary.lines(warnings, report.toString())) {
      mojo.getLog().warn(line);
    }
    if (dev.bulwark.generator.lint.WarningSummary.groups(warnings)) {
      warnings.forEach(warning -> mojo.getLog().debug(warning.toString()));
      try {
        java.nio.file.Files.createDirectories(report.getParent());
        java.nio.file.Files.writeString(report, dev.bulwark.generator.lint.WarningSummary.report(warnings));
      } catch (IOException e) {
        mojo.getLog().warn("Cannot write " + report + ": " + e.getMessage());
      }
    }
  }

  /** The goals' {@code idempotencyKeyHeader}, {@code retry} and {@code timeouts}. */
  static dev.bulwark.generator.load.RootSettings rootSettings(String idempotencyKeyHeader,
      java.util.Map<String, String> retry, java.util.Map<String, String> timeouts) {
    return new dev.bulwark.generator.load.RootSettings(
        Optional.ofNullable(idempotencyKeyHeader).filter(header -> !header.isBlank()),
        retry == null ? java.util.Map.of() : retry, timeouts == null ? java.util.Map.of() : timeouts);
  }

  /** The goals' {@code overlays} as paths, in order. */
  static java.util.List<java.nio.file.Path> overlayPaths(java.util.List<File> overlays) {
    return overlays == null ? java.util.List.of() : overlays.stream().map(File::toPath).toList();
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    // Registered first so that the sources compile even when generation is skipped.
    project.addCompileSourceRoot(outputDirectory.getPath());
    if (skip) {
      getLog().info("Bulwark generation skipped (bulwark.skip).");
      return;
    }
    long start = System.nanoTime();
    try {
      Generator.Result result = new Generator().generate(new Generator.Options(
          inputSpec.toPath(), packageName, Optional.ofNullable(clientName), outputDirectory.toPath(), incremental,
          access(), docsBase(), overlayPaths(overlays), rootSettings(idempotencyKeyHeader, retry, timeouts)));
      if (result.upToDate()) {
        getLog().info("Bulwark client for " + inputSpec.getName() + " is up to date (nothing it depends on changed; "
            + millisSince(start) + " ms).");
        return;
      }
      printWarnings(this, project, inputSpec, result.warnings());
      getLog().info(String.format("Bulwark generated %s.%s from %s: %d files written, %d unchanged, %d deleted"
              + " (%d ms).", packageName, result.clientName(), inputSpec.getName(), result.files().written().size(),
          result.files().unchanged().size(), result.files().deleted().size(), millisSince(start)));
      if (failOnWarnings && !result.warnings().isEmpty()) {
        throw new MojoFailureException(result.warnings().size() + " warning(s) for " + inputSpec
            + " and failOnWarnings is set; the first: " + result.warnings().get(0));
      }
    } catch (GeneratorException e) {
      // A failure, not an error: the user's input is wrong, and the message says how. No stack trace.
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the generated client to " + outputDirectory + ": "
          + e.getMessage(), e);
    }
  }
}
