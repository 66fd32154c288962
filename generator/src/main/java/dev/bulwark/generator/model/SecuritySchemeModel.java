package dev.bulwark.generator.model;

/**
 * A security scheme the client builder accepts credentials for.
 *
 * @param name the scheme's name under {@code components/securitySchemes}
 * @param setterName the client builder method that takes the credentials
 * @param parameterName the header, query parameter or cookie name, for API keys; empty otherwise
 * @param tokenUrl the OAuth 2.0 client-credentials token endpoint, absolute, when the scheme declares that flow
 * @param scopes the scopes of that flow, in spec order
 */
public record SecuritySchemeModel(String name, String setterName, Kind kind, String parameterName,
    java.util.Optional<String> tokenUrl, java.util.List<String> scopes) {

  public SecuritySchemeModel {
    scopes = java.util.List.copyOf(scopes);
  }

  /** A scheme without an OAuth 2.0 client-credentials flow. */
  public SecuritySchemeModel(String name, String setterName, Kind kind, String parameterName) {
    this(name, setterName, kind, parameterName, java.util.Optional.empty(), java.util.List.of());
  }

  /** The kinds of credentials the runtime can send. */
  public enum Kind {
    BEARER,
    BASIC,
    API_KEY_HEADER,
    API_KEY_QUERY,
    API_KEY_COOKIE
  }
}
