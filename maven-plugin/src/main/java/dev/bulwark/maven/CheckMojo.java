package dev.bulwark.maven;

import dev.bulwark.generator.Generator;
import dev.bulwark.generator.GeneratorException;
import dev.bulwark.generator.lint.ResilienceLint;
import java.io.File;
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
public class CheckMojo extends SpecReadingMojo {

  /** The OpenAPI 3.x or Swagger 2.0 document. */
  @Parameter(property = "bulwark.inputSpec", required = true)
  private File inputSpec;

  /** Fails the build when there is any warning. */
  @Parameter(property = "bulwark.failOnWarnings", defaultValue = "false")
  private boolean failOnWarnings;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("Bulwark check skipped (bulwark.skip).");
      return;
    }
    ResilienceLint.Report report;
    try {
      report = new Generator().check(inputSpec.toPath(), access(), overlayPaths(), rootSettings());
    } catch (GeneratorException e) {
      throw new MojoFailureException(e.getMessage());
    }
    getLog().info("Resilience plan for " + inputSpec.getName() + ":");
    for (String line : report.planTable().split("\n")) {
      getLog().info("  " + line);
    }
    printWarnings(this, project, inputSpec, report.warnings());
    getLog().info(report.warnings().size() + " warning(s).");
    if (failOnWarnings && !report.warnings().isEmpty()) {
      throw new MojoFailureException("Bulwark check found " + report.warnings().size() + " warning(s) in "
          + inputSpec + " and failOnWarnings is set; see the warnings above.");
    }
  }
}
