package dev.bulwark.maven;

import dev.bulwark.generator.Generator;
import dev.bulwark.generator.GeneratorException;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates a Java client from an OpenAPI document and adds it to the project's compile sources.
 *
 * <p>The generated code depends on {@code dev.bulwark:bulwark-runtime}, which the project must declare.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends SpecReadingMojo {

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
   * Fails the build when generation warns (a {@code $ref} to a schema that does not exist, a lint finding), after
   * writing the client and printing the warnings: for specs you own, where every warning is yours to fix.
   */
  @Parameter(property = "bulwark.failOnWarnings", defaultValue = "false")
  private boolean failOnWarnings;

  /**
   * Where the spec's relative links (such as {@code /docs/guides/errors}) point, for the generated Javadoc: an absolute
   * http or https URL, usually the API's documentation site. Without it such links are shown as their text.
   */
  @Parameter(property = "bulwark.docsBaseUrl")
  private String docsBaseUrl;

  private Optional<java.net.URI> docsBase() throws MojoFailureException {
    try {
      return Optional.ofNullable(docsBaseUrl).filter(url -> !url.isBlank()).map(java.net.URI::create);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("docsBaseUrl '" + docsBaseUrl + "' is not a URL: " + e.getMessage()
          + "; give an absolute one, such as https://docs.example.com");
    }
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
          access(), docsBase(), overlayPaths(), rootSettings()));
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
