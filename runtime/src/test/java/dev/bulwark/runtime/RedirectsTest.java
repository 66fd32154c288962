package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.bulwark.runtime.auth.Authentication;
import dev.bulwark.runtime.error.ApiStatusException;
import dev.bulwark.runtime.error.RedirectRefusedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Redirects between two loopback origins (two ports): followed within the origin with every credential, to the other
 * origin without any, refused where the policy, a downgrade to http or a one-shot body says so.
 */
class RedirectsTest {
  private static final Type MAP_TYPE = Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final String SECRET = "s3cr3t-value";
  private static final OperationSpec GET = OperationSpec.builder("getThing", "GET", "/things/1")
      .securitySchemes("bearer", "header", "query", "cookie")
      .build();
  private static final OperationSpec POST = OperationSpec.builder("createThing", "POST", "/things")
      .securitySchemes("bearer", "header")
      .idempotencyKeyHeader("Idempotency-Key")
      .build();

  private final MockWebServer api = new MockWebServer();
  private final MockWebServer other = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    api.start(InetAddress.getLoopbackAddress(), 0);
    other.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    api.close();
    other.close();
  }

  private ClientRuntime.Builder runtime(String baseUrl) {
    return ClientRuntime.builder()
        .baseUrl(baseUrl)
        .authentication("bearer", Authentication.bearer(SECRET))
        .authentication("header", Authentication.apiKeyHeader("X-API-Key", SECRET))
        .authentication("query", Authentication.apiKeyQuery("api_key", SECRET))
        .authentication("cookie", Authentication.apiKeyCookie("session", SECRET));
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body("{\"ok\": true}").build();
  }

  private static void assertNoCredential(RecordedRequest request) {
    assertThat(request.getHeaders().toString()).doesNotContain(SECRET);
    assertThat(request.getUrl().toString()).doesNotContain(SECRET);
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("Cookie")).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aSameOriginRedirectIsFollowedWithEveryCredential(int code) throws Exception {
    api.enqueue(redirect(code, "/moved/1"));
    api.enqueue(ok());
    try (ClientRuntime runtime = runtime(api.url("/").toString()).build()) {
      assertThat(runtime.<Map<String, Object>>execute(ApiRequest.builder(GET).build(), MAP_TYPE))
          .containsEntry("ok", true);
    }
    api.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest moved = api.takeRequest(5, TimeUnit.SECONDS);
    assertThat(moved.getUrl().encodedPath()).isEqualTo("/moved/1");
    assertThat(moved.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
    assertThat(moved.getHeaders().get("X-API-Key")).isEqualTo(SECRET);
    assertThat(moved.getHeaders().get("Cookie")).contains("session=" + SECRET);
    assertThat(moved.getUrl().queryParameter("api_key")).isEqualTo(SECRET);
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherOriginIsFollowedWithoutAnyCredential(int code) throws Exception {
    api.enqueue(redirect(code, other.url("/elsewhere").toString()));
    other.enqueue(ok());
    try (ClientRuntime runtime = runtime(api.url("/").toString()).build()) {
      runtime.execute(ApiRequest.builder(GET)
          .options(RequestOptions.builder().header("X-Custom-Token", SECRET).build()).build(), MAP_TYPE);
    }
    assertThat(api.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-API-Key")).isEqualTo(SECRET);
    RecordedRequest elsewhere = other.takeRequest(5, TimeUnit.SECONDS);
    assertThat(elsewhere.getUrl().encodedPath()).isEqualTo("/elsewhere");
    assertNoCredential(elsewhere);
    assertThat(elsewhere.getHeaders().get("User-Agent")).startsWith("bulwark-java/");
  }

  @Test
  void underSameOriginARedirectElsewhereIsRefusedAndNothingIsSentThere() {
    api.enqueue(redirect(302, other.url("/elsewhere").toString()));
    try (ClientRuntime runtime = runtime(api.url("/").toString()).redirects(RedirectPolicy.SAME_ORIGIN).build()) {
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET).build(), MAP_TYPE))
          .isInstanceOfSatisfying(RedirectRefusedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(302);
            assertThat(e.targetOrigin()).isEqualTo("http://" + other.url("/").host() + ":" + other.getPort());
            assertThat(e.attempts()).isEqualTo(1);
          })
          .hasMessageContaining("follows redirects to its own origin only")
          .hasMessageNotContaining("/elsewhere");
    }
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void underNoneARedirectIsTheCallsStatus() {
    api.enqueue(redirect(302, "/moved"));
    try (ClientRuntime runtime = runtime(api.url("/").toString()).redirects(RedirectPolicy.NONE).build()) {
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET).build(), MAP_TYPE))
          .isInstanceOfSatisfying(ApiStatusException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    }
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostRedirectedBy307KeepsItsMethodBodyAndKeyButNotItsCredentials() throws Exception {
    api.enqueue(redirect(307, other.url("/things").toString()));
    other.enqueue(ok());
    try (ClientRuntime runtime = runtime(api.url("/").toString()).build()) {
      runtime.execute(ApiRequest.builder(POST).jsonBody(Map.of("name", "Rex"), MAP_TYPE).build(), MAP_TYPE);
    }
    String key = api.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key");
    RecordedRequest resent = other.takeRequest(5, TimeUnit.SECONDS);
    assertThat(resent.getMethod()).isEqualTo("POST");
    assertThat(resent.getBody().utf8()).isEqualTo("{\"name\":\"Rex\"}");
    assertThat(resent.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(resent.getHeaders().get("Idempotency-Key")).isEqualTo(key).isNotNull();
    assertNoCredential(resent);
  }

  @Test
  void aPostRedirectedBy302ContinuesAsAGetWithoutBody() throws Exception {
    api.enqueue(redirect(302, "/things/7"));
    api.enqueue(ok());
    try (ClientRuntime runtime = runtime(api.url("/").toString()).build()) {
      runtime.execute(ApiRequest.builder(POST).jsonBody(Map.of("name", "Rex"), MAP_TYPE).build(), MAP_TYPE);
    }
    api.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest followed = api.takeRequest(5, TimeUnit.SECONDS);
    assertThat(followed.getMethod()).isEqualTo("GET");
    assertThat(followed.getBody() == null ? 0 : followed.getBody().size()).isZero();
    assertThat(followed.getHeaders().get("Content-Type")).isNull();
  }

  @Test
  void aOneShotBodyIsNotResentByA307() {
    api.enqueue(redirect(307, "/things-again"));
    try (ClientRuntime runtime = runtime(api.url("/").toString()).build()) {
      BinaryBody stream = BinaryBody.of(new ByteArrayInputStream(new byte[] {1, 2, 3}));
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(POST)
          .binaryBody(stream, "application/octet-stream").build(), MAP_TYPE))
          .isInstanceOf(RedirectRefusedException.class)
          .hasMessageContaining("one-shot stream");
    }
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRedirectLoopStopsAfterTenHops() {
    for (int i = 0; i < 12; i++) {
      api.enqueue(redirect(302, "/loop"));
    }
    try (ClientRuntime runtime = runtime(api.url("/").toString()).build()) {
      assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET).build(), MAP_TYPE))
          .isInstanceOf(RedirectRefusedException.class)
          .hasMessageContaining("more than 10 redirects");
    }
    assertThat(api.getRequestCount()).isEqualTo(11);
  }

  @Test
  void aRedirectFromHttpsToHttpIsRefused() throws Exception {
    HeldCertificate certificate = new HeldCertificate.Builder()
        .addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostAddress())
        .build();
    HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(certificate.certificate()).build();
    try (MockWebServer secure = new MockWebServer()) {
      secure.useHttps(serverCertificates.sslSocketFactory());
      secure.start(InetAddress.getLoopbackAddress(), 0);
      secure.enqueue(redirect(301, other.url("/plain").toString()));
      secure.enqueue(redirect(301, "http://" + secure.url("/").host() + ":" + secure.getPort() + "/same-host"));
      OkHttpClient client = new OkHttpClient.Builder()
          .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
      try (ClientRuntime runtime = runtime(secure.url("/").toString()).okHttpClient(client).build()) {
        for (int i = 0; i < 2; i++) {
          assertThatThrownBy(() -> runtime.execute(ApiRequest.builder(GET).build(), MAP_TYPE))
              .isInstanceOf(RedirectRefusedException.class)
              .hasMessageContaining("from https to http");
        }
      }
      assertThat(secure.getRequestCount()).isEqualTo(2);
    }
    assertThat(other.getRequestCount()).isZero();
  }
}
