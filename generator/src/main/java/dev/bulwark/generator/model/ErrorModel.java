package dev.bulwark.generator.model;

import java.util.Optional;

/**
 * How an operation's errors look: the type the spec declares for an error status, or where the code and message sit
 * ({@code x-bulwark-error}).
 */
public final class ErrorModel {
  private ErrorModel() {}

  /**
   * The body type the spec declares for an error status.
   *
   * @param status a code ({@code 404}), a class ({@code 4XX}) or {@code default}
   */
  public record DeclaredType(String status, TypeRef type) {}

  /** JSON pointers (or {@code header:Name}) to an error's code, message and details. */
  public record Envelope(Optional<String> code, Optional<String> message, Optional<String> details) {}
}
