package dev.bulwark.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.runtime.RequestOptions;
import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Credentials are checked when they are set, and what is wrong is said without the value. */
class CredentialChecksTest {
  private static final String SECRET = "sk-live-0123456789abcdef";

  @Test
  void aKeyWithATrailingLineBreakIsRefusedWithoutBeingQuoted() {
    for (Runnable setter : new Runnable[] {
        () -> Authentication.apiKeyHeader("X-API-Key", SECRET + "\n"),
        () -> Authentication.bearer(SECRET + "\n"),
        () -> Authentication.apiKeyCookie("session", SECRET + "\r\n"),
        () -> Authentication.apiKeyQuery("api_key", SECRET + "\n"),
        () -> Authentication.basic("ann", SECRET + "\n"),
        () -> OAuth2ClientCredentials.builder("https://auth.example.com/token", "app", SECRET + "\n"),
        () -> RequestOptions.builder().header("X-Custom-Token", SECRET + "\n")}) {
      assertThatThrownBy(setter::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(0x")
          .hasMessageContaining("trailing line break")
          .hasMessageNotContaining(SECRET)
          .hasMessageNotContaining("sk-");
    }
    assertThatThrownBy(() -> Authentication.apiKeyHeader("X-API-Key", SECRET + "\n"))
        .hasMessageContaining("the API key for header X-API-Key has a line feed (0xA)");
  }

  @Test
  void encodedCredentialsMayHoldAnyPrintableText() throws Exception {
    Request.Builder request = new Request.Builder().url("https://api.example.com/");
    Authentication.basic("ann", "pässwörd").apply(request, HttpUrl.get("https://api.example.com/").newBuilder());
    assertThat(request.build().header("Authorization")).startsWith("Basic ");
    assertThatThrownBy(() -> Authentication.apiKeyHeader("X-API-Key", "kéy"))
        .hasMessageContaining("non-ASCII character").hasMessageNotContaining("kéy");
  }

  @Test
  void aTokenEndpointsMalformedTokenIsNeverQuoted() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
          .body("{\"access_token\": \"" + SECRET + "\\n\", \"expires_in\": 3600}").build());
      server.start(InetAddress.getLoopbackAddress(), 0);
      OAuth2ClientCredentials oauth = OAuth2ClientCredentials.builder(server.url("/token").toString(), "app", "secret")
          .build();
      assertThatThrownBy(() -> oauth.apply(new Request.Builder().url("https://api.example.com/"),
          HttpUrl.get("https://api.example.com/").newBuilder()))
          .isInstanceOf(CredentialsException.class)
          .hasMessageContaining("the access token from")
          .hasMessageNotContaining(SECRET);
    }
  }
}
