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
    if (credentials.isEmpty() || chain.call().operation().securitySchemes().isEmpty()) {
      return chain.proceed(request);
    }
    Request.Builder builder = request.newBuilder();
    HttpUrl.Builder url = request.url().newBuilder();
    for (String scheme : chain.call().operation().securitySchemes()) {
      Authentication credential = credentials.get(scheme);
      if (credential != null) {
        credential.apply(builder, url);
      }
    }
    return chain.proceed(builder.url(url.build()).build());
  }
}
