package dev.bulwark.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.bulwark.e2e.petstore.PetStoreClient;
import dev.bulwark.e2e.petstore.model.ErrorModel;
import dev.bulwark.e2e.petstore.model.ModelJsonAdapters;
import dev.bulwark.e2e.petstore.model.Pet;
import dev.bulwark.e2e.petstore.model.PetList;
import dev.bulwark.e2e.petstore.model.PetStatus;
import dev.bulwark.runtime.error.ApiStatusException;
import dev.bulwark.runtime.error.ConnectionException;
import dev.bulwark.runtime.error.ErrorCategory;
import dev.bulwark.runtime.error.NotFoundException;
import dev.bulwark.runtime.error.PermissionDeniedException;
import dev.bulwark.runtime.error.RateLimitedException;
import dev.bulwark.runtime.error.ResponseNotUnderstoodException;
import dev.bulwark.runtime.error.ServerErrorException;
import dev.bulwark.runtime.error.UnauthorizedException;
import dev.bulwark.runtime.json.BulwarkJson;
import dev.bulwark.runtime.json.ModelValidationException;
import dev.bulwark.runtime.retry.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Responses that drift from the spec, and every kind of error, through a client generated from petstore.yaml. */
@WireMockTest
class ResponsesTest {
  private static final String SECRET = "sk-live-0123456789";
  private static final String PET = "{\"id\": 7, \"name\": \"Rex\", \"createdAt\": \"2024-05-01T10:15:30Z\"";

  private final Moshi moshi = new Moshi.Builder().add(new ModelJsonAdapters()).add(BulwarkJson.standardAdapters())
      .build();
  private WireMock server;
  private PetStoreClient client;

  @BeforeEach
  void createClient(WireMockRuntimeInfo info) {
    server = info.getWireMock();
    client = PetStoreClient.builder().baseUrl(info.getHttpBaseUrl()).bearerAuth(SECRET).apiKey(SECRET)
        .retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private void pet(String json) {
    server.register(get(urlEqualTo("/pets/7")).willReturn(okJson(json)));
  }

  private Map<String, Object> tree(String json) throws IOException {
    JsonAdapter<Map<String, Object>> adapter = moshi.adapter(Types.newParameterizedType(Map.class, String.class,
        Object.class));
    return adapter.fromJson(json);
  }

  @Test
  void unknownPropertiesAreKeptAndSurviveARoundTrip() throws IOException {
    String json = PET + ", \"microchip\": {\"id\": \"A-1\", \"implanted\": true}, \"rank\": 3}";
    pet(json);

    Pet pet = client.pets().getPet(7L);
    Pet copy = pet.toBuilder().name("Rex").build();

    assertThat(pet.getAdditionalProperties()).containsOnlyKeys("microchip", "rank");
    assertThat(copy).isEqualTo(pet);
    assertThat(tree(moshi.adapter(Pet.class).toJson(copy))).isEqualTo(tree(json));
  }

  @Test
  void unknownEnumValuesAreKeptAndWrittenBackUnchanged() throws IOException {
    pet(PET + ", \"status\": \"adopted\"}");

    Pet pet = client.pets().getPet(7L);

    PetStatus status = pet.getStatus();
    assertThat(status.isKnown()).isFalse();
    assertThat(status.known()).isEqualTo(PetStatus.Known._UNKNOWN);
    assertThat(status.getValue()).isEqualTo("adopted");
    String described = switch (status.known()) {
      case AVAILABLE, PENDING, SOLD, IN_QUARANTINE -> "known";
      case _UNKNOWN -> "unknown: " + status;
    };
    assertThat(described).isEqualTo("unknown: adopted");
    assertThat(moshi.adapter(Pet.class).toJson(pet)).contains("\"status\":\"adopted\"");
    assertThat(PetStatus.of("sold")).isSameAs(PetStatus.SOLD);
  }

  @Test
  void explicitNullIsToldApartFromAbsent() throws IOException {
    server.register(get(urlPathEqualTo("/pets")).willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
    PetList withNull = client.pets().listPets();
    server.register(get(urlPathEqualTo("/pets")).willReturn(okJson("{\"items\": []}")));
    PetList absent = client.pets().listPets();

    assertThat(withNull.getNextCursor()).isNull();
    assertThat(withNull.hasNextCursor()).isTrue();
    assertThat(absent.hasNextCursor()).isFalse();
    assertThat(withNull).isNotEqualTo(absent);
    assertThat(moshi.adapter(PetList.class).toJson(withNull)).isEqualTo("{\"items\":[],\"nextCursor\":null}");
    assertThat(moshi.adapter(PetList.class).toJson(absent)).isEqualTo("{\"items\":[]}");
  }

  @Test
  void missingOptionalPropertiesAreNull() {
    pet(PET + "}");

    Pet pet = client.pets().getPet(7L);

    assertThat(pet.getStatus()).isNull();
    assertThat(pet.getTags()).isNull();
    pet.validate();
  }

  @Test
  void wrongTypesAndMissingRequiredValuesDoNotLoseTheResponse() {
    server.register(get(urlPathEqualTo("/pets")).willReturn(okJson("{\"items\": [" + PET + "}, "
        + "{\"id\": \"eight\", \"tags\": \"not-a-list\", \"createdAt\": \"2024-05-01T10:15:30Z\"}]}")));

    PetList page = client.pets().listPets();

    Pet second = page.getItems().get(1);
    assertThat(page.getItems().get(0).getName()).isEqualTo("Rex");
    assertThat(second.getAdditionalProperties()).containsEntry("id", "eight").containsEntry("tags", "not-a-list");
    assertThatThrownBy(second::getId)
        .isInstanceOf(ModelValidationException.class)
        .hasMessageContaining("$.id: required property is missing");
    assertThatThrownBy(page::validate)
        .isInstanceOfSatisfying(ModelValidationException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "$.items[1].id: expected a number that fits the declared type but was \"eight\"",
            "$.items[1].tags: expected ARRAY but was STRING",
            "$.items[1].id: required property is missing",
            "$.items[1].name: required property is missing"));
  }

  @Test
  void strictModeFailsTheCallNamingOperationAndPath(WireMockRuntimeInfo info) {
    pet("{\"id\": 7, \"createdAt\": \"2024-05-01T10:15:30Z\"}");
    try (PetStoreClient strict = PetStoreClient.builder().baseUrl(info.getHttpBaseUrl()).bearerAuth(SECRET)
        .strictResponses(true).build()) {
      assertThatThrownBy(() -> strict.pets().getPet(7L))
          .isInstanceOf(ResponseNotUnderstoodException.class)
          .hasMessageContaining("getPet (GET /pets/{petId}) returned HTTP 200")
          .hasMessageContaining("$.name: required property is missing");
    }
  }

  @Test
  void malformedAndTruncatedJsonNameTheOperationAndShowAnExcerpt() {
    pet("{\"id\": 7, \"name\": ");
    assertThatThrownBy(() -> client.pets().getPet(7L))
        .isInstanceOfSatisfying(ResponseNotUnderstoodException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.RESPONSE_NOT_UNDERSTOOD))
        .hasMessageContaining("getPet (GET /pets/{petId}) returned HTTP 200 with a body that could not be read")
        .hasMessageContaining("Body starts with: {\"id\": 7, \"name\": ");

    pet("<html>maintenance</html>");
    assertThatThrownBy(() -> client.pets().getPet(7L))
        .isInstanceOf(ResponseNotUnderstoodException.class)
        .hasMessageContaining("<html>maintenance</html>");
  }

  @Test
  void emptyBodyWhereJsonIsDeclared() {
    server.register(get(urlEqualTo("/pets/7")).willReturn(aResponse().withStatus(200)));

    assertThatThrownBy(() -> client.pets().getPet(7L))
        .isInstanceOf(ResponseNotUnderstoodException.class)
        .hasMessageContaining("expected a JSON body but the body was empty");
  }

  @Test
  void textPlainResponsesAreStrings() {
    server.register(get(urlEqualTo("/pets/7/notes")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("Likes walks.\nHates cats.")));

    assertThat(client.pets().getPetNotes(7L)).isEqualTo("Likes walks.\nHates cats.");
  }

  @Test
  void queryParameterStylesFollowTheSpec() {
    server.register(get(urlPathEqualTo("/pets")).willReturn(okJson("{\"items\": []}")));

    client.pets().listPets(dev.bulwark.e2e.petstore.service.ListPetsParams.builder()
        .tags(java.util.List.of("a", "b"))
        .colors(java.util.List.of("brown", "white"))
        .ids(java.util.List.of(1L, 2L))
        .filter(java.util.Map.of("size", "small"))
        .build());

    assertThat(server.find(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/pets")))
        .get(0).getUrl())
        .isEqualTo("/pets?tags=a&tags=b&colors=brown%7Cwhite&ids=1,2&filter%5Bsize%5D=small");
  }

  @Test
  void textBinaryAndFormRequestBodies() {
    server.register(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo("/pets/7/notes"))
        .willReturn(aResponse().withStatus(204)));
    server.register(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo("/pets/7/photo"))
        .willReturn(aResponse().withStatus(204)));
    server.register(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/store/login"))
        .willReturn(okJson("{\"token\": \"t-1\"}")));

    client.pets().setPetNotes(7L, "Likes walks.");
    client.pets().uploadPetPhoto(7L, dev.bulwark.runtime.BinaryBody.of(new byte[] {1, 2, 3}));
    String token = client.store().login(dev.bulwark.e2e.petstore.model.LoginRequest.builder()
        .username("ann").password("s p&ss").build()).getToken();

    assertThat(token).isEqualTo("t-1");
    var notes = server.find(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
        urlEqualTo("/pets/7/notes"))).get(0);
    assertThat(notes.getHeader("Content-Type")).isEqualToIgnoringCase("text/plain; charset=utf-8");
    assertThat(notes.getBodyAsString()).isEqualTo("Likes walks.");
    var photo = server.find(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
        urlEqualTo("/pets/7/photo"))).get(0);
    assertThat(photo.getHeader("Content-Type")).isEqualTo("image/png");
    assertThat(photo.getBody()).containsExactly(1, 2, 3);
    var login = server.find(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlEqualTo("/store/login"))).get(0);
    assertThat(login.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(login.getBodyAsString()).isEqualTo("username=ann&password=s+p%26ss");
    assertThat(login.getHeader("Authorization")).isNull();
  }

  @Test
  void binaryResponsesAreStreamedDownloads() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
    server.register(get(urlEqualTo("/pets/7/photo")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "image/png").withBody(png)));

    try (dev.bulwark.runtime.BinaryResponse photo = client.pets().getPetPhoto(7L)) {
      assertThat(photo.contentType()).isEqualTo("image/png");
      assertThat(photo.bytes()).isEqualTo(png);
    }
  }

  @Test
  void jsonWithParametersAndVendorSuffixIsRead() {
    server.register(get(urlEqualTo("/pets/7")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/vnd.petstore+json; charset=utf-8; version=2")
        .withBody(PET + "}")));

    assertThat(client.pets().getPet(7L).getName()).isEqualTo("Rex");
  }

  private static ResponseDefinitionBuilder error(int status, String contentType, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body);
  }

  @Test
  void declaredErrorSchemaIsReachableByType() {
    server.register(get(urlEqualTo("/pets/8")).willReturn(error(404, "application/json",
        "{\"code\": \"not_found\", \"message\": \"no pet 8\"}").withHeader("X-Request-Id", "req-42")));

    assertThatThrownBy(() -> client.pets().getPet(8L))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          ErrorModel body = e.body(ErrorModel.class);
          assertThat(body).isNotNull();
          assertThat(body.getCode()).isEqualTo("not_found");
          assertThat(e.errorCode()).isEqualTo("not_found");
          assertThat(e.errorMessage()).isEqualTo("no pet 8");
          assertThat(e.requestId()).isEqualTo("req-42");
          assertThat(e.attempts()).isEqualTo(1);
        })
        .hasMessageMatching("getPet \\(GET /pets/\\{petId}\\) failed with HTTP 404: not_found - no pet 8"
            + " \\(request id req-42, correlation id [0-9a-f-]{36}\\)");
  }

  @Test
  void eachStatusKindHasItsException() {
    server.register(get(urlEqualTo("/pets/1")).willReturn(error(401, "application/json",
        "{\"error\": \"invalid_token\", \"error_description\": \"expired\"}")));
    server.register(get(urlEqualTo("/pets/2")).willReturn(error(403, "application/problem+json",
        "{\"type\": \"about:blank\", \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"not your pet\"}")));
    server.register(get(urlEqualTo("/pets/3")).willReturn(error(429, "application/json", "{\"message\": \"slow\"}")
        .withHeader("Retry-After", "120")));
    server.register(get(urlEqualTo("/pets/4")).willReturn(error(502, "text/html",
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")));
    server.register(get(urlEqualTo("/pets/5")).willReturn(error(418, "text/plain", "I'm a teapot")));

    assertThatThrownBy(() -> client.pets().getPet(1L)).isInstanceOfSatisfying(UnauthorizedException.class,
        e -> assertThat(e.errorCode()).isEqualTo("invalid_token"));
    assertThatThrownBy(() -> client.pets().getPet(2L)).isInstanceOfSatisfying(PermissionDeniedException.class,
        e -> assertThat(e.problem().detail()).isEqualTo("not your pet"));
    assertThatThrownBy(() -> client.pets().getPet(3L)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
    assertThatThrownBy(() -> client.pets().getPet(4L)).isInstanceOf(ServerErrorException.class)
        .hasMessageContaining("failed with HTTP 502: 502 Bad Gateway");
    assertThatThrownBy(() -> client.pets().getPet(5L)).isExactlyInstanceOf(ApiStatusException.class)
        .hasMessageContaining("failed with HTTP 418: I'm a teapot");
  }

  @Test
  void noExceptionEverCarriesACredential() throws IOException {
    for (int status : new int[] {400, 401, 403, 404, 409, 422, 429, 500, 503}) {
      server.register(get(urlEqualTo("/pets/" + status)).willReturn(error(status, "application/json",
          "{\"message\": \"status " + status + "\"}")));
      assertThatThrownBy(() -> client.pets().getPet((long) status))
          .satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain(SECRET);
            assertThat(e.toString()).doesNotContain(SECRET);
            assertThat(((ApiStatusException) e).headers().toString()).doesNotContain(SECRET);
          });
    }
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (PetStoreClient refused = PetStoreClient.builder().baseUrl("http://127.0.0.1:" + closedPort)
        .bearerAuth(SECRET).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> refused.pets().getPet(7L)).isInstanceOf(ConnectionException.class)
          .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET));
    }
  }
}
