package dev.bulwark.runtime.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The base of every generated object model: it keeps the JSON properties the spec does not declare, so that nothing a
 * newer server sends is lost and a model read from JSON writes back what it read, and it remembers what a lenient read
 * could not take in, for {@link #validationProblems(String)}.
 *
 * <p>Generated models are immutable; build them with their {@code builder()}, change a copy with {@code toBuilder()}.
 */
public abstract class JsonModel implements Validatable {
  private final Map<String, @Nullable Object> additionalProperties;
  private final List<String> parseProblems;

  /** Takes the builder's additional properties and read problems; generated constructors call it. */
  protected JsonModel(Builder<?> builder) {
    this.additionalProperties = builder.additionalProperties.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(builder.additionalProperties));
    this.parseProblems = builder.parseProblems;
  }

  /**
   * JSON properties the spec does not declare (or whose value had the wrong type), as parsed JSON values: maps,
   * lists, strings, numbers, booleans and {@code null}. Written back as they came.
   */
  public final Map<String, @Nullable Object> getAdditionalProperties() {
    return additionalProperties;
  }

  @Override
  public final List<String> validationProblems(String path) {
    List<String> problems = new ArrayList<>();
    for (String problem : parseProblems) {
      problems.add(path + problem);
    }
    collectProblems(problems, path);
    return problems;
  }

  /**
   * Adds the problems of the declared properties, under {@code path}: missing required ones and those of nested
   * models. Generated models with such properties override it.
   */
  protected void collectProblems(List<String> problems, String path) {}

  /** Whether {@code other} has the same additional properties; for generated {@code equals}. */
  protected final boolean sameAdditionalProperties(JsonModel other) {
    return additionalProperties.equals(other.additionalProperties);
  }

  /**
   * {@code separator + "additionalProperties=" + ...} when there are any, else an empty string; for generated
   * {@code toString}.
   */
  protected final String additionalPropertiesText(String separator) {
    if (additionalProperties.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(separator).append("additionalProperties={");
    String comma = "";
    for (Map.Entry<String, @Nullable Object> entry : additionalProperties.entrySet()) {
      // An undeclared property named like a credential is shown as set, never with its value.
      boolean secret = entry.getValue() != null && CredentialNames.isCredential(entry.getKey());
      text.append(comma).append(entry.getKey()).append('=').append(secret ? "***" : entry.getValue());
      comma = ", ";
    }
    return text.append('}').toString();
  }


  /**
   * The base of every generated model's builder: the additional properties. Not thread-safe.
   *
   * @param <B> the generated builder, so that these setters chain with its own
   */
  public abstract static class Builder<B extends Builder<B>> {
    final Map<String, @Nullable Object> additionalProperties = new LinkedHashMap<>();
    List<String> parseProblems = List.of();

    /** An empty builder. */
    protected Builder() {}

    /** A builder holding {@code source}'s additional properties. */
    protected Builder(JsonModel source) {
      additionalProperties.putAll(source.additionalProperties);
      parseProblems = source.parseProblems;
    }

    /**
     * Adds a JSON property the spec does not declare; the value must be a JSON value (map, list, string, number,
     * boolean or {@code null}).
     */
    public final B additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name"), value);
      return self();
    }

    /** Replaces every property the spec does not declare. */
    public final B additionalProperties(Map<String, ? extends @Nullable Object> properties) {
      additionalProperties.clear();
      additionalProperties.putAll(properties);
      return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }
  }
}
