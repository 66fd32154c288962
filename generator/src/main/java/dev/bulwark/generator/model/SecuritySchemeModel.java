package dev.bulwark.generator.model;

/**
 * A security scheme the client builder accepts credentials for.
 *
 * @param name the scheme's name under {@code components/securitySchemes}
 * @param setterName the client builder method that takes the credentials
 * @param parameterName the header, query parameter or cookie name, for API keys; empty otherwise
 */
public record SecuritySchemeModel(String name, String setterName, Kind kind, String parameterName) {

  /** The kinds of credentials the runtime can send. */
  public enum Kind {
    BEARER,
    BASIC,
    API_KEY_HEADER,
    API_KEY_QUERY,
    API_KEY_COOKIE
  }
}
