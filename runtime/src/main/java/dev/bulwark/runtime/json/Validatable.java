package dev.bulwark.runtime.json;

import java.util.List;

/**
 * A generated model that can say whether it matches its schema. Responses are read leniently: a missing required
 * property or a value of the wrong type does not fail the whole response; the model keeps what it could read (a
 * wrongly typed value stays available, as raw JSON, in {@code getAdditionalProperties()}) and {@link #validate()}
 * reports the rest. A client built with {@code strictResponses(true)} validates every response itself.
 */
public interface Validatable {

  /**
   * Every way this object breaks its schema, each as {@code <path>: <problem>}, the path starting with
   * {@code path} (such as {@code $.items[0].id: required property is missing}); empty when it matches.
   */
  List<String> validationProblems(String path);

  /**
   * Checks this object and everything in it against the schema.
   *
   * @throws ModelValidationException listing every problem with its JSON path
   */
  default void validate() {
    List<String> problems = validationProblems("$");
    if (!problems.isEmpty()) {
      throw new ModelValidationException(getClass().getSimpleName(), problems);
    }
  }
}
