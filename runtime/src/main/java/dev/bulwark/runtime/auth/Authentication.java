package dev.bulwark.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Credentials for one security scheme, applied to each outgoing request of an operation that uses the scheme.
 *
 * <p>Implementations never reveal the secret through {@link Object#toString()}: exception messages and logs may print an
 * {@code Authentication}, so they must stay safe to print.
 */
public interface Authentication {

  /**
   * Adds this credential to a request about to be sent.
   *
   * @param request the request's headers and method, to add a header to
   * @param url the request's URL, to add a query parameter to
   * @throws CredentialsException if the credential cannot be obtained (a token endpoint failed); the request is then
   *     not sent
   */
  void apply(Request.Builder request, HttpUrl.Builder url) throws CredentialsException;

  /**
   * Drops a cached credential after the server answered 401, so that the next {@link #apply} obtains a fresh one.
   *
   * @return whether there was something to drop, so that sending the request again may succeed; fixed credentials
   *     return false
   */
  default boolean invalidate() {
    return false;
  }

  /** An {@code Authorization: Bearer <token>} header. */
  static Authentication bearer(String token) {
    Objects.requireNonNull(token, "token");
    HeaderValues.requireLegal("Authorization", token, "the bearer token");
    return new HeaderCredential("Authorization", "Bearer " + token, "bearer");
  }

  /** An {@code Authorization: Basic <base64(user:password)>} header. */
  static Authentication basic(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    HeaderValues.requireNoControlCharacters(username, "the basic-auth user name");
    HeaderValues.requireNoControlCharacters(password, "the basic-auth password");
    String encoded = okio.ByteString.encodeString(username + ":" + password, StandardCharsets.UTF_8).base64();
    return new HeaderCredential("Authorization", "Basic " + encoded, "basic");
  }

  /** An API key sent in the named request header. */
  static Authentication apiKeyHeader(String headerName, String key) {
    Objects.requireNonNull(headerName, "headerName");
    Objects.requireNonNull(key, "key");
    HeaderValues.requireLegal(headerName, key, "the API key for header " + headerName);
    return new HeaderCredential(headerName, key, "api key in header " + headerName);
  }

  /** An API key sent as the named query parameter. */
  static Authentication apiKeyQuery(String parameterName, String key) {
    Objects.requireNonNull(parameterName, "parameterName");
    Objects.requireNonNull(key, "key");
    // Any text can be percent-encoded, but a control character in a key is a copying mistake, not a key.
    HeaderValues.requireNoControlCharacters(key, "the API key for query parameter " + parameterName);
    return new QueryCredential(parameterName, key);
  }

  /** An API key sent as the named cookie. */
  static Authentication apiKeyCookie(String cookieName, String key) {
    Objects.requireNonNull(cookieName, "cookieName");
    Objects.requireNonNull(key, "key");
    HeaderValues.requireLegal("Cookie", cookieName + "=" + key, "the API key for cookie " + cookieName);
    return new HeaderCredential("Cookie", cookieName + "=" + key, "api key in cookie " + cookieName);
  }
}
