package dev.bulwark.runtime.auth;

import okhttp3.HttpUrl;
import okhttp3.Request;

/** A credential carried in one query parameter. */
final class QueryCredential implements Authentication {
  private final String parameterName;
  private final String value;

  QueryCredential(String parameterName, String value) {
    this.parameterName = parameterName;
    this.value = value;
  }

  @Override
  public void apply(Request.Builder request, HttpUrl.Builder url) {
    url.setQueryParameter(parameterName, value);
  }

  @Override
  public String toString() {
    return "Authentication(api key in query parameter " + parameterName + ", value redacted)";
  }
}
