package dev.bulwark.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.bulwark.runtime.auth.Authentication;
import dev.bulwark.runtime.error.ConnectionException;
import dev.bulwark.runtime.error.TimedOutException;
import dev.bulwark.runtime.json.BulwarkJson;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind one generated client: it turns each {@link ApiRequest} into HTTP, runs it through the call chain
 * and reads the response. Generated clients create one in their {@code build()} and share it among their services.
 *
 * <p>Thread-safe. Closing it releases the connection pool and threads only when the runtime created its own
 * {@link OkHttpClient}; a client passed to {@link Builder#okHttpClient} stays the caller's to close.
 */
public final class ClientRuntime implements AutoCloseable {
  /** Default time to establish a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default longest silence while reading a response. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** Default longest silence while writing a request. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
  /** Default bound on one whole call, so that no call can hang forever. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final OkHttpClient httpClient;
  private final boolean ownsHttpClient;
  private final Moshi moshi;
  private final RequestFactory requestFactory;
  private final ResponseReader responseReader;
  private final List<CallStep> steps;

  private ClientRuntime(Builder builder) {
    HttpUrl baseUrl = HttpUrl.parse(Objects.requireNonNull(builder.baseUrl, "baseUrl is required"));
    if (baseUrl == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http or https URL, such as https://api.example.com; was: " + builder.baseUrl);
    }
    this.ownsHttpClient = builder.httpClient == null;
    this.httpClient = ownsHttpClient ? defaultHttpClient() : builder.httpClient;
    Moshi.Builder moshiBuilder = new Moshi.Builder();
    builder.jsonAdapters.forEach(moshiBuilder::add);
    this.moshi = moshiBuilder.add(BulwarkJson.standardAdapters()).build();
    this.requestFactory = new RequestFactory(baseUrl, moshi, builder.userAgent);
    this.responseReader = new ResponseReader(moshi);
    this.steps = List.of(
        new AuthenticationStep(Map.copyOf(builder.credentials)),
        new TransportStep(httpClient));
  }

  /** Starts configuring a runtime. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes a call and reads its response body as {@code responseType}.
   *
   * @throws dev.bulwark.runtime.error.BulwarkException for every failure: a status outside 2xx, a transport failure
   *     or a body that does not fit the type
   */
  @SuppressWarnings("unchecked")
  public <T> T execute(ApiRequest call, Type responseType) {
    return (T) Objects.requireNonNull(run(call, Objects.requireNonNull(responseType, "responseType")));
  }

  /**
   * Makes a call whose response carries no content the caller needs, discarding any body.
   *
   * @throws dev.bulwark.runtime.error.BulwarkException for every failure
   */
  public void execute(ApiRequest call) {
    run(call, null);
  }

  /** The JSON configuration used for bodies, including the generated client's adapters. */
  public Moshi moshi() {
    return moshi;
  }

  private @Nullable Object run(ApiRequest call, @Nullable Type responseType) {
    Request request = requestFactory.create(call);
    try {
      Response response = new CallChain(steps, call).proceed(request);
      return responseReader.read(response, call, responseType);
    } catch (InterruptedIOException e) {
      throw new TimedOutException(call.operation(), e);
    } catch (IOException e) {
      throw new ConnectionException(call.operation(), e);
    }
  }

  /** Releases the connection pool and dispatcher threads if this runtime created the {@link OkHttpClient}. */
  @Override
  public void close() {
    if (ownsHttpClient) {
      httpClient.dispatcher().executorService().shutdown();
      httpClient.connectionPool().evictAll();
    }
  }

  private static OkHttpClient defaultHttpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
        .readTimeout(DEFAULT_READ_TIMEOUT)
        .writeTimeout(DEFAULT_WRITE_TIMEOUT)
        .callTimeout(DEFAULT_CALL_TIMEOUT)
        .build();
  }

  /** Configures a {@link ClientRuntime}. */
  public static final class Builder {
    private @Nullable String baseUrl;
    private @Nullable OkHttpClient httpClient;
    private final List<JsonAdapter.Factory> jsonAdapters = new ArrayList<>();
    private final Map<String, Authentication> credentials = new LinkedHashMap<>();
    private String userAgent = "bulwark-java/" + Version.VERSION;

    private Builder() {}

    /** The server's base URL; operation paths are appended to it. Required. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The OkHttp client to send requests with, to share its connection pool and settings. Bulwark's call behaviour
     * does not depend on its interceptors. When not set, the runtime creates one with bounded default timeouts.
     */
    public Builder okHttpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Adds JSON adapters, consulted before the standard ones; generated clients add their model adapters here. */
    public Builder jsonAdapters(JsonAdapter.Factory factory) {
      this.jsonAdapters.add(Objects.requireNonNull(factory, "factory"));
      return this;
    }

    /** Credentials for the security scheme of that name; operations that accept the scheme send them. */
    public Builder authentication(String schemeName, Authentication credential) {
      credentials.put(Objects.requireNonNull(schemeName, "schemeName"), Objects.requireNonNull(credential, "credential"));
      return this;
    }

    /** The {@code User-Agent} header value; defaults to {@code bulwark-java/<version>}. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    public ClientRuntime build() {
      return new ClientRuntime(this);
    }
  }
}
