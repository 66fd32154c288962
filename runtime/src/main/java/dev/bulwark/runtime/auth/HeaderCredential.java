package dev.bulwark.runtime.auth;

import okhttp3.HttpUrl;
import okhttp3.Request;

/** A credential carried in one request header. */
final class HeaderCredential implements Authentication {
  private final String headerName;
  private final String headerValue;
  private final String description;

  HeaderCredential(String headerName, String headerValue, String description) {
    this.headerName = headerName;
    this.headerValue = headerValue;
    this.description = description;
  }

  @Override
  public void apply(Request.Builder request, HttpUrl.Builder url) {
    if (headerName.equalsIgnoreCase("Cookie")) {
      // Several cookie credentials share one Cookie header rather than overwrite each other.
      request.addHeader(headerName, headerValue);
    } else {
      request.header(headerName, headerValue);
    }
  }

  @Override
  public String toString() {
    return "Authentication(" + description + ", value redacted)";
  }
}
