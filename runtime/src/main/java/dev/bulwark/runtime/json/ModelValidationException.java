package dev.bulwark.runtime.json;

import java.util.List;

/**
 * A model does not match its schema: a required property is missing, or a value had the wrong type. Each problem
 * names its JSON path.
 */
public class ModelValidationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 10;

  private final transient List<String> problems;

  public ModelValidationException(String typeName, List<String> problems) {
    super(typeName + " does not match its schema: " + String.join("; ", problems.subList(0,
        Math.min(LISTED, problems.size()))) + (problems.size() > LISTED
        ? "; and " + (problems.size() - LISTED) + " more" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, as {@code <JSON path>: <problem>}. */
  public List<String> problems() {
    return problems;
  }
}
