package dev.bulwark.runtime;

import dev.bulwark.runtime.auth.Authentication;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the credentials of every security scheme the operation accepts and the client was given. Applied on each
 * attempt, so that a credential that changes (a refreshed token) is current on every attempt.
 */
final class AuthenticationStep implements CallStep {
  private final Map<String, Authentication> credentials;

  AuthenticationStep(Map<String, Authentication> credentials) {
    this.credentials = credentials;
  }

  @Override
  public Response proceed(Request request, Chain chain) throws IOException {
    if (credentials.isEmpty() || chain.call().operation().securitySchemes().isEmpty()
        || request.tag(RedirectStep.CrossOrigin.class) != null) {
      // Credentials go to the call's own origin only, never to one a redirect leads to.
      return chain.proceed(request);
    }
    Response response = chain.proceed(authenticated(request, chain));
    if (response.code() != 401 || !chain.call().repeatableBody()) {
      return response;
    }
    // A token that the server no longer accepts (revoked, expired early): fetch a fresh one and send once more.
    boolean refreshed = false;
    for (String scheme : chain.call().operation().securitySchemes()) {
      Authentication credential = credentials.get(scheme);
      refreshed |= credential != null && credential.invalidate();
    }
    if (!refreshed) {
      return response;
    }
    response.close();
    return chain.proceed(authenticated(request, chain));
  }

  private Request authenticated(Request request, Chain chain) throws IOException {
    Request.Builder builder = request.newBuilder();
    HttpUrl.Builder url = request.url().newBuilder();
    for (String scheme : chain.call().operation().securitySchemes()) {
      Authentication credential = credentials.get(scheme);
      if (credential != null) {
        credential.apply(builder, url);
      }
    }
    return builder.url(url.build()).build();
  }
}
