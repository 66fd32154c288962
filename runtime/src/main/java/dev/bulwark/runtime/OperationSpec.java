package dev.bulwark.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What the spec says about one operation, fixed at generation time: its id, HTTP method, URL template and the security
 * schemes it accepts. Generated services hold one constant per operation; the runtime reads it on every call.
 */
public final class OperationSpec {
  private final String operationId;
  private final String method;
  private final String pathTemplate;
  private final List<String> securitySchemes;

  private OperationSpec(Builder builder) {
    this.operationId = builder.operationId;
    this.method = builder.method;
    this.pathTemplate = builder.pathTemplate;
    this.securitySchemes = List.copyOf(builder.securitySchemes);
  }

  /**
   * Starts the description of an operation.
   *
   * @param operationId the spec's {@code operationId} (or the name the generator derived)
   * @param method the HTTP method in upper case
   * @param pathTemplate the path as the spec writes it, for example {@code /pets/{petId}}
   */
  public static Builder builder(String operationId, String method, String pathTemplate) {
    return new Builder(operationId, method, pathTemplate);
  }

  /** The spec's {@code operationId}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP method in upper case. */
  public String method() {
    return method;
  }

  /** The path as the spec writes it, with {@code {name}} placeholders. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * The names of the security schemes whose credentials this operation sends, as the client builder registered them.
   * Empty when the operation needs no credentials.
   */
  public List<String> securitySchemes() {
    return securitySchemes;
  }

  @Override
  public String toString() {
    return operationId + " (" + method + " " + pathTemplate + ")";
  }

  /** Builds an {@link OperationSpec}. */
  public static final class Builder {
    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private List<String> securitySchemes = List.of();

    private Builder(String operationId, String method, String pathTemplate) {
      this.operationId = Objects.requireNonNull(operationId, "operationId");
      this.method = Objects.requireNonNull(method, "method");
      this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    }

    /** The security schemes whose credentials the operation sends, where the client has them. */
    public Builder securitySchemes(String... schemeNames) {
      this.securitySchemes = List.of(schemeNames);
      return this;
    }

    public OperationSpec build() {
      return new OperationSpec(this);
    }
  }
}
