package dev.bulwark.runtime.auth;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * OAuth 2.0 client credentials (RFC 6749, section 4.4): fetches an access token from the token endpoint when first
 * needed, sends it as a bearer token, and fetches a new one shortly before it expires or after the API answers 401.
 * One token is shared by every call and thread; concurrent calls wait for a single fetch.
 *
 * <p>The client authenticates with HTTP Basic by default ({@link Builder#credentialsInBody} for servers that want
 * them in the form). Neither the secret nor a token ever appears in {@link #toString()} or in exception messages.
 */
public final class OAuth2ClientCredentials implements Authentication {
  private static final JsonAdapter<Map<String, Object>> TOKEN_RESPONSE = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final HttpUrl tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final List<String> scopes;
  private final boolean credentialsInBody;
  private final Duration refreshSkew;
  private final Clock clock;
  private final OkHttpClient httpClient;
  private @Nullable String token;
  private Instant expiresAt = Instant.MIN;
  private int fetches;

  private OAuth2ClientCredentials(Builder builder) {
    this.tokenUrl = builder.tokenUrl;
    this.clientId = builder.clientId;
    this.clientSecret = builder.clientSecret;
    this.scopes = List.copyOf(builder.scopes);
    this.credentialsInBody = builder.credentialsInBody;
    this.refreshSkew = builder.refreshSkew;
    this.clock = builder.clock;
    this.httpClient = builder.httpClient != null ? builder.httpClient : new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(30)).build();
  }

  /**
   * Starts configuring the credentials.
   *
   * @param tokenUrl the token endpoint, an absolute http or https URL
   */
  public static Builder builder(String tokenUrl, String clientId, String clientSecret) {
    return new Builder(tokenUrl, clientId, clientSecret);
  }

  @Override
  public void apply(Request.Builder request, HttpUrl.Builder url) throws CredentialsException {
    request.header("Authorization", "Bearer " + currentToken());
  }

  /** Forgets the token so that the next call fetches a new one; the runtime calls this after a 401. */
  @Override
  public synchronized boolean invalidate() {
    boolean had = token != null;
    token = null;
    expiresAt = Instant.MIN;
    return had;
  }

  /** How many tokens have been fetched so far; for tests and metrics. */
  public synchronized int tokensFetched() {
    return fetches;
  }

  private synchronized String currentToken() throws CredentialsException {
    if (token != null && clock.instant().isBefore(expiresAt.minus(refreshSkew))) {
      return token;
    }
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (!scopes.isEmpty()) {
      form.add("scope", String.join(" ", scopes));
    }
    Request.Builder request = new Request.Builder().url(tokenUrl).header("Accept", "application/json");
    if (credentialsInBody) {
      form.add("client_id", clientId).add("client_secret", clientSecret);
    } else {
      request.header("Authorization", okhttp3.Credentials.basic(clientId, clientSecret));
    }
    String where = "the token endpoint " + tokenUrl.scheme() + "://" + tokenUrl.host() + tokenUrl.encodedPath();
    try (Response response = httpClient.newCall(request.post(form.build()).build()).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        boolean retryable = response.code() == 429 || response.code() >= 500;
        throw new CredentialsException("could not obtain an access token from " + where + ": HTTP "
            + response.code() + describeError(body)
            + (retryable ? "" : ". Check the client id, secret and scopes"), retryable, null);
      }
      Map<String, Object> fields = parse(body);
      Object accessToken = fields == null ? null : fields.get("access_token");
      if (!(accessToken instanceof String value) || value.isEmpty()) {
        throw new CredentialsException(where + " answered without an access_token", false, null);
      }
      try {
        HeaderValues.requireLegal("Authorization", value, "the access token from " + where);
      } catch (IllegalArgumentException e) {
        throw new CredentialsException(e.getMessage(), false, null);
      }
      Object expiresIn = fields.get("expires_in");
      long seconds = expiresIn instanceof Number number ? number.longValue()
          : expiresIn instanceof String text && text.matches("\\d{1,10}") ? Long.parseLong(text) : 3600;
      token = value;
      expiresAt = clock.instant().plusSeconds(seconds);
      fetches++;
      return value;
    } catch (CredentialsException e) {
      throw e;
    } catch (IOException e) {
      throw new CredentialsException("could not reach " + where + " (" + e.getClass().getSimpleName() + ")", true, e);
    }
  }

  private static @Nullable Map<String, Object> parse(String body) {
    try {
      return TOKEN_RESPONSE.fromJson(body);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The endpoint's {@code error} and {@code error_description}, which RFC 6749 says carry no secrets. */
  private static String describeError(String body) {
    Map<String, Object> fields = parse(body);
    if (fields == null || !(fields.get("error") instanceof String error)) {
      return "";
    }
    String description = fields.get("error_description") instanceof String text ? text : "";
    String detail = error + (description.isEmpty() ? "" : ": " + description);
    return " (" + (detail.length() > 200 ? detail.substring(0, 200) + "..." : detail) + ")";
  }

  @Override
  public String toString() {
    return "Authentication(OAuth 2.0 client credentials for " + tokenUrl.host() + ", client secret redacted)";
  }

  /** Configures {@link OAuth2ClientCredentials}. */
  public static final class Builder {
    private final HttpUrl tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private List<String> scopes = List.of();
    private boolean credentialsInBody;
    private Duration refreshSkew = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private @Nullable OkHttpClient httpClient;

    private Builder(String tokenUrl, String clientId, String clientSecret) {
      HttpUrl url = HttpUrl.parse(Objects.requireNonNull(tokenUrl, "tokenUrl"));
      if (url == null) {
        throw new IllegalArgumentException("tokenUrl must be an absolute http or https URL; was: " + tokenUrl);
      }
      this.tokenUrl = url;
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      HeaderValues.requireNoControlCharacters(clientId, "the OAuth 2.0 client id");
      HeaderValues.requireNoControlCharacters(clientSecret, "the OAuth 2.0 client secret");
    }

    /** The scopes to ask for, sent space-separated; none by default. */
    public Builder scopes(List<String> scopes) {
      this.scopes = List.copyOf(scopes);
      return this;
    }

    /** Sends the client id and secret as form fields instead of an HTTP Basic header. */
    public Builder credentialsInBody(boolean credentialsInBody) {
      this.credentialsInBody = credentialsInBody;
      return this;
    }

    /** How long before its expiry a token is replaced; 30 seconds by default. */
    public Builder refreshSkew(Duration refreshSkew) {
      this.refreshSkew = Objects.requireNonNull(refreshSkew, "refreshSkew");
      return this;
    }

    /** The clock that decides expiry; for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The client for token requests; by default one of its own with bounded timeouts. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    public OAuth2ClientCredentials build() {
      return new OAuth2ClientCredentials(this);
    }
  }
}
