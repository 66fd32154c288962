package dev.bulwark.generator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The spec or the options cannot be turned into a client. Carries every problem found, not only the first, so that a
 * user fixes them all in one round.
 */
public final class GeneratorException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<SpecProblem> problems;

  public GeneratorException(String summary, List<SpecProblem> problems) {
    super(summary + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found. */
  public List<SpecProblem> problems() {
    return problems;
  }
}
