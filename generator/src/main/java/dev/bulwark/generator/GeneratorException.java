package dev.bulwark.generator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The spec or the options cannot be turned into a client. Carries every problem found, not only the first, so that a
 * user fixes them all in one round.
 */
public final class GeneratorException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String summary;
  private final transient List<SpecProblem> problems;

  public GeneratorException(String summary, List<SpecProblem> problems) {
    super(summary + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
    this.summary = summary;
    this.problems = List.copyOf(problems);
  }

  /** The same failure with its problems restated, such as with line numbers added. */
  public GeneratorException withProblems(List<SpecProblem> restated) {
    GeneratorException copy = new GeneratorException(summary, restated);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /** Every problem found. */
  public List<SpecProblem> problems() {
    return problems;
  }
}
