package dev.bulwark.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A server the API's spec lists: a URL template with variables ({@code https://{region}.api.example.com/{version}}),
 * each with a default and, optionally, the values it allows. Immutable; generated clients expose one constant per
 * listed server, and their builder's {@code server(Server)} points the client at it.
 *
 * <pre>{@code
 * Client client = Client.builder().server(Client.PRODUCTION_SERVER.with("region", "eu")).build();
 * }</pre>
 */
public final class Server {
  private final String template;
  private final String description;
  private final Map<String, Variable> variables;

  private record Variable(String value, List<String> allowed) {}

  private Server(String template, String description, Map<String, Variable> variables) {
    this.template = template;
    this.description = description;
    this.variables = variables;
  }

  /** A server with this URL template and no variables yet. */
  public static Server of(String template, String description) {
    return new Server(Objects.requireNonNull(template, "template"), Objects.requireNonNull(description, "description"),
        Map.of());
  }

  /** Declares a variable with its default and the values it allows (none: any value). */
  public Server variable(String name, String defaultValue, String... allowed) {
    Map<String, Variable> copy = new LinkedHashMap<>(variables);
    copy.put(Objects.requireNonNull(name, "name"), new Variable(Objects.requireNonNull(defaultValue, "defaultValue"),
        List.of(allowed)));
    return new Server(template, description, Map.copyOf(copy));
  }

  /**
   * This server with one variable set.
   *
   * @throws IllegalArgumentException if the server has no such variable, or the value is not one it allows
   */
  public Server with(String name, String value) {
    Variable variable = variables.get(name);
    if (variable == null) {
      throw new IllegalArgumentException("the server " + template + " has no variable '" + name + "'; its variables"
          + " are " + new TreeMap<>(variables).keySet());
    }
    if (!variable.allowed().isEmpty() && !variable.allowed().contains(value)) {
      throw new IllegalArgumentException("'" + value + "' is not a value of the server variable '" + name
          + "'; allowed: " + variable.allowed());
    }
    Map<String, Variable> copy = new LinkedHashMap<>(variables);
    copy.put(name, new Variable(Objects.requireNonNull(value, "value"), variable.allowed()));
    return new Server(template, description, Map.copyOf(copy));
  }

  /** The URL with every variable replaced by its value. */
  public String url() {
    String url = template;
    for (Map.Entry<String, Variable> variable : variables.entrySet()) {
      url = url.replace("{" + variable.getKey() + "}", variable.getValue().value());
    }
    return url;
  }

  /** The URL template as the spec writes it. */
  public String template() {
    return template;
  }

  /** What the spec says about the server, or an empty string. */
  public String description() {
    return description;
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object other) {
    return other instanceof Server that && template.equals(that.template) && variables.equals(that.variables);
  }

  @Override
  public int hashCode() {
    return Objects.hash(template, variables);
  }

  @Override
  public String toString() {
    return url();
  }
}
