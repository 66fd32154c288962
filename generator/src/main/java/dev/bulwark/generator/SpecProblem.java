package dev.bulwark.generator;

import java.util.OptionalInt;

/**
 * One thing wrong with a spec, located as precisely as the generator can: the file, a JSON pointer or the parser's own
 * location text, and the line where known.
 *
 * @param file the spec file's path as the user gave it
 * @param location a JSON pointer ({@code /paths/~1pets/get}) or the parser's location text; empty when the problem is
 *     the whole file
 * @param line the 1-based line, where known
 * @param kind what kind of finding it is, for findings that recur across operations (such as
 *     {@code retries-without-idempotency}), so that a report can group them; empty for the others
 */
public record SpecProblem(String file, String location, OptionalInt line, String message, String kind) {

  /** A problem of no particular kind. */
  public SpecProblem(String file, String location, OptionalInt line, String message) {
    this(file, location, line, message, "");
  }

  /** This problem at {@code line}. */
  public SpecProblem atLine(int line) {
    return new SpecProblem(file, location, OptionalInt.of(line), message, kind);
  }

  /** {@code petstore.yaml:12: /paths/~1pets: no responses}, the form every user-facing message uses. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    line.ifPresent(l -> text.append(':').append(l));
    text.append(": ");
    if (!location.isEmpty()) {
      text.append(location).append(": ");
    }
    return text.append(message).toString();
  }
}
