package dev.bulwark.maven;

import dev.bulwark.generator.Generator;
import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.SpecProblem;
import dev.bulwark.generator.lint.ResilienceLint;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints a spec for resilience hazards (retries on operations that are not safe to repeat, deadlines shorter than an
 * attempt, no timeouts, missing operationIds, invalid {@code x-bulwark-*} extensions) and prints each operation's
 * resilience plan: method, path, whether it is safe to repeat, its retry policy and timeouts. Writes nothing.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractMojo {

  /** The OpenAPI 3.x or Swagger 2.0 document. */
  @Parameter(property = "bulwark.inputSpec", required = true)
  private File inputSpec;

  /** Fails the build when there is any warning. */
  @Parameter(property = "bulwark.failOnWarnings", defaultValue = "false")
  private boolean failOnWarnings;

  /** Skips the check. */
  /**
   * Folders whose files the spec's {@code $ref}s may name, besides the spec's own folder. A reference to any other file
   * fails the build, naming the pointer that makes it.
   */
  @Parameter
  private java.util.List<File> specRoots;

  /** Whether {@code http(s)} {@code $ref}s are fetched; by default the generator reads nothing remote. */
  @Parameter(property = "bulwark.fetchRemoteReferences", defaultValue = "false")
  private boolean fetchRemoteReferences;

  /** As for {@code generate}: OpenAPI Overlays applied to the spec, in order, before it is checked. */
  @Parameter
  private java.util.List<File> overlays;

  /** As for {@code generate}: settings applied as if written at the spec's root. */
  @Parameter(property = "bulwark.idempotencyKeyHeader")
  private String idempotencyKeyHeader;

  @Parameter
  private java.util.Map<String, String> retry;

  @Parameter
  private java.util.Map<String, String> timeouts;

  @Parameter(defaultValue = "${project}", readonly = true)
  private org.apache.maven.project.MavenProject project;

  @Parameter(property = "bulwark.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("Bulwark check skipped (bulwark.skip).");
      return;
    }
    ResilienceLint.Report report;
    try {
      report = new Generator().check(inputSpec.toPath(), GenerateMojo.access(specRoots, fetchRemoteReferences),
          GenerateMojo.overlayPaths(overlays), GenerateMojo.rootSettings(idempotencyKeyHeader, retry, timeouts));
    } catch (GeneratorException e) {
      throw new MojoFailureException(e.getMessage());
    }
    getLog().info("Resilience plan for " + inputSpec.getName() + ":");
    for (String line : report.planTable().split("\n")) {
      getLog().info("  " + line);
    }
    GenerateMojo.printWarnings(this, project, inputSpec, report.warnings());
    getLog().info(report.warnings().size() + " warning(s).");
    if (failOnWarnings && !report.warnings().isEmpty()) {
      throw new MojoFailureException("Bulwark check found " + report.warnings().size() + " warning(s) in "
          + inputSpec + " and failOnWarnings is set; see the warnings above.");
    }
  }
}
