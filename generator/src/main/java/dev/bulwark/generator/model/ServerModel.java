package dev.bulwark.generator.model;

import java.util.List;

/**
 * A server the spec lists at its root.
 *
 * @param constantName the client's constant for it, unique in the client class
 * @param url the URL template, variables in braces
 * @param variables its variables, in spec order
 */
public record ServerModel(String constantName, String url, String description, List<Variable> variables) {
  public ServerModel {
    variables = List.copyOf(variables);
  }

  /**
   * A server variable.
   *
   * @param allowed the values the spec's {@code enum} allows; empty when any value is allowed
   */
  public record Variable(String name, String defaultValue, List<String> allowed) {
    public Variable {
      allowed = List.copyOf(allowed);
    }
  }
}
