package dev.bulwark.maven;

import dev.bulwark.generator.SpecProblem;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals that read a spec share: where it may read from, the overlays and root settings applied to it, and
 * how its warnings are printed.
 */
abstract class SpecReadingMojo extends AbstractMojo {
  /**
   * Folders whose files the spec's {@code $ref}s may name, besides the spec's own folder. A reference to any other file
   * fails the build, naming the pointer that makes it.
   */
  @Parameter
  private java.util.List<File> specRoots;

  /** Whether {@code http(s)} {@code $ref}s are fetched; by default the generator reads nothing remote. */
  @Parameter(property = "bulwark.fetchRemoteReferences", defaultValue = "false")
  private boolean fetchRemoteReferences;

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

  /** Skips the goal. */
  @Parameter(property = "bulwark.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  /** The overlays as paths, in order. */
  java.util.List<java.nio.file.Path> overlayPaths() {
    return overlayPaths(overlays);
  }

  /** The root settings from the goal's parameters. */
  dev.bulwark.generator.load.RootSettings rootSettings() {
    return rootSettings(idempotencyKeyHeader, retry, timeouts);
  }

  dev.bulwark.generator.load.SpecAccess access() {
    return access(specRoots, fetchRemoteReferences);
  }

  /** What the generator may read, from the goals' {@code specRoots} and {@code fetchRemoteReferences}. */
  static dev.bulwark.generator.load.SpecAccess access(java.util.List<File> specRoots, boolean fetchRemoteReferences) {
    return new dev.bulwark.generator.load.SpecAccess(specRoots == null ? java.util.List.of()
        : specRoots.stream().map(File::toPath).toList(), fetchRemoteReferences);
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

}
