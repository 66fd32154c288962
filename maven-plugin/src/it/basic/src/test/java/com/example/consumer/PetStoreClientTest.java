package com.example.consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.petstore.PetStoreClient;
import com.example.petstore.model.GetPhotoInfoResponse;
import com.example.petstore.model.NewPet;
import com.example.petstore.model.NewPetOwner;
import com.example.petstore.model.Order;
import com.example.petstore.model.OrderStatus;
import com.example.petstore.model.Pet;
import com.example.petstore.model.PetList;
import com.example.petstore.model.PetStatus;
import com.example.petstore.service.ListPetsParams;
import com.example.petstore.service.UpdatePetParams;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.bulwark.runtime.error.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class PetStoreClientTest {
  private static final String PET_JSON = "{\"id\": 7, \"name\": \"Rex\", \"status\": \"in-quarantine\","
      + " \"tags\": [\"dog\"], \"birthday\": \"2020-02-29\", \"createdAt\": \"2024-05-01T10:15:30Z\","
      + " \"owner\": {\"name\": \"Ann\", \"user-id\": \"5b1c9c3e-8a0e-4d7e-9d5e-1f2a3b4c5d6e\"},"
      + " \"attributes\": {\"colour\": \"brown\"}, \"class\": \"mammal\", \"2fa\": true,"
      + " \"price\": 12.5, \"weight\": 3.14159265358979323846, \"unknownField\": {\"ignored\": [1, 2]}}";

  private PetStoreClient client;

  @BeforeEach
  void createClient(WireMockRuntimeInfo server) {
    client = PetStoreClient.builder()
        .baseUrl(server.getHttpBaseUrl() + "/v1")
        .bearerAuth("secret-token")
        .apiKey("secret-key")
        .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void listPetsSendsQueryAndHeaderParametersAndParsesThePage(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlPathEqualTo("/v1/pets"))
        .willReturn(okJson("{\"items\": [" + PET_JSON + "], \"nextCursor\": null}")));

    PetList page = client.pets().listPets(ListPetsParams.builder()
        .limit(10)
        .status(PetStatus.IN_QUARANTINE)
        .tags(List.of("dog", "small"))
        .xRequestId("trace-1")
        .build());

    server.getWireMock().verifyThat(getRequestedFor(
            urlEqualTo("/v1/pets?limit=10&status=in-quarantine&tags=dog&tags=small"))
        .withHeader("X-Request-Id", equalTo("trace-1"))
        .withHeader("Authorization", equalTo("Bearer secret-token"))
        .withHeader("X-API-Key", absent()));
    assertThat(page.getNextCursor()).isNull();
    assertThat(page.getItems()).hasSize(1);
    Pet pet = page.getItems().get(0);
    assertThat(pet.getId()).isEqualTo(7L);
    assertThat(pet.getName()).isEqualTo("Rex");
    assertThat(pet.getStatus()).isEqualTo(PetStatus.IN_QUARANTINE);
    assertThat(pet.getTags()).containsExactly("dog");
    assertThat(pet.getBirthday()).isEqualTo(LocalDate.of(2020, 2, 29));
    assertThat(pet.getCreatedAt()).isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.UTC));
    assertThat(pet.getOwner().getUserId()).isEqualTo(UUID.fromString("5b1c9c3e-8a0e-4d7e-9d5e-1f2a3b4c5d6e"));
    assertThat(pet.getAttributes()).containsEntry("colour", "brown");
    assertThat(pet.getClassValue()).isEqualTo("mammal");
    assertThat(pet.getN2fa()).isTrue();
    assertThat(pet.getPrice()).isEqualTo(12.5);
    assertThat(pet.getWeight()).isEqualTo(new BigDecimal("3.14159265358979323846"));
  }

  @Test
  void listPetsWithoutParametersSendsNone(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlPathEqualTo("/v1/pets")).willReturn(okJson("{\"items\": []}")));

    assertThat(client.pets().listPets().getItems()).isEmpty();

    server.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/v1/pets"))
        .withHeader("X-Request-Id", absent()));
  }

  @Test
  void createPetPostsTheJsonBody(WireMockRuntimeInfo server) {
    server.getWireMock().register(post(urlEqualTo("/v1/pets"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(PET_JSON)));

    Pet created = client.pets().createPet(NewPet.builder()
        .name("Rex")
        .status(PetStatus.AVAILABLE)
        .owner(NewPetOwner.builder().name("Ann").userId(UUID.fromString("5b1c9c3e-8a0e-4d7e-9d5e-1f2a3b4c5d6e")).build())
        .classValue("mammal")
        .n2fa(false)
        .build());

    server.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/v1/pets"))
        .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
        .withRequestBody(equalToJson("{\"name\": \"Rex\", \"status\": \"available\", \"class\": \"mammal\","
            + " \"2fa\": false, \"owner\": {\"name\": \"Ann\", \"user-id\": \"5b1c9c3e-8a0e-4d7e-9d5e-1f2a3b4c5d6e\"}}")));
    assertThat(created.getId()).isEqualTo(7L);
  }

  @Test
  void getPetUsesThePathParameter(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlEqualTo("/v1/pets/7")).willReturn(okJson(PET_JSON)));

    Pet pet = client.pets().getPet(7L);

    assertThat(pet.getName()).isEqualTo("Rex");
    assertThat(pet.toBuilder().build()).isEqualTo(pet);
  }

  @Test
  void getPetMapsNotFound(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlEqualTo("/v1/pets/8")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\": \"not_found\", \"message\": \"no pet 8\"}")));

    assertThatThrownBy(() -> client.pets().getPet(8L))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.operationId()).isEqualTo("getPet");
          assertThat(e.bodyExcerpt()).contains("no pet 8");
        })
        .hasMessageContaining("getPet (GET /pets/{petId}) failed with HTTP 404")
        .hasMessageNotContaining("secret-token");
  }

  @Test
  void updatePetSendsHeaderAndBody(WireMockRuntimeInfo server) {
    server.getWireMock().register(put(urlEqualTo("/v1/pets/7")).willReturn(okJson(PET_JSON)));

    Pet updated = client.pets().updatePet(UpdatePetParams.builder()
        .petId(7L)
        .ifMatch("v3")
        .body(NewPet.builder().name("Rex").tags(List.of("dog")).build())
        .build());

    server.getWireMock().verifyThat(putRequestedFor(urlEqualTo("/v1/pets/7"))
        .withHeader("If-Match", equalTo("v3"))
        .withRequestBody(equalToJson("{\"name\": \"Rex\", \"tags\": [\"dog\"]}")));
    assertThat(updated.getId()).isEqualTo(7L);
  }

  @Test
  void deletePetExpectsNoContent(WireMockRuntimeInfo server) {
    server.getWireMock().register(delete(urlEqualTo("/v1/pets/7")).willReturn(aResponse().withStatus(204)));

    client.pets().deletePet(7L);

    server.getWireMock().verifyThat(deleteRequestedFor(urlEqualTo("/v1/pets/7")));
  }

  @Test
  void getPhotoInfoEncodesPathParametersSoTheyCannotChangeThePath(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlEqualTo("/v1/pets/7/photos/a%2Fb%3Fc"))
        .willReturn(okJson("{\"url\": \"https://img.example.com/a.png\", \"width\": 640, \"height\": 480}")));

    GetPhotoInfoResponse info = client.pets().getPhotoInfo(7L, "a/b?c");

    assertThat(info.getWidth()).isEqualTo(640L);
    assertThat(info.getUrl()).hasToString("https://img.example.com/a.png");
  }

  @Test
  void getInventorySendsTheApiKeyOnly(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlEqualTo("/v1/store/inventory"))
        .willReturn(okJson("{\"available\": 3, \"sold\": 1}")));

    Map<String, Integer> inventory = client.store().getInventory();

    server.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/v1/store/inventory"))
        .withHeader("X-API-Key", equalTo("secret-key"))
        .withHeader("Authorization", absent()));
    assertThat(inventory).containsEntry("available", 3).containsEntry("sold", 1);
  }

  @Test
  void placeOrderRoundTripsEnumsAndKeywordProperties(WireMockRuntimeInfo server) {
    server.getWireMock().register(post(urlEqualTo("/v1/store/orders"))
        .willReturn(okJson("{\"id\": 1, \"petId\": 7, \"quantity\": 2, \"status\": \"placed\", \"default\": true}")));

    Order order = client.store().placeOrder(Order.builder().petId(7L).quantity(2).defaultValue(true).build());

    server.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/v1/store/orders"))
        .withRequestBody(equalToJson("{\"petId\": 7, \"quantity\": 2, \"default\": true}")));
    assertThat(order.getStatus()).isEqualTo(OrderStatus.PLACED);
    assertThat(order.getDefaultValue()).isTrue();
  }

  @Test
  void healthNeedsNoCredentials(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlEqualTo("/v1/health")).willReturn(okJson("{\"status\": \"up\"}")));

    assertThat(client.health().health().getStatus()).isEqualTo("up");

    server.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/v1/health"))
        .withHeader("Authorization", absent())
        .withHeader("X-API-Key", absent()));
  }

  @Test
  void notesTravelAsPlainText(WireMockRuntimeInfo server) {
    server.getWireMock().register(get(urlEqualTo("/v1/pets/7/notes")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody("Likes walks.")));
    server.getWireMock().register(put(urlEqualTo("/v1/pets/7/notes")).willReturn(aResponse().withStatus(204)));

    assertThat(client.pets().getPetNotes(7L)).isEqualTo("Likes walks.");
    client.pets().setPetNotes(7L, "Hates cats.");

    server.getWireMock().verifyThat(putRequestedFor(urlEqualTo("/v1/pets/7/notes"))
        .withHeader("Content-Type", equalToIgnoreCase("text/plain; charset=utf-8"))
        .withRequestBody(equalTo("Hates cats.")));
  }

  @Test
  void documentsTravelAsMultipartParts(WireMockRuntimeInfo server) {
    server.getWireMock().register(com.github.tomakehurst.wiremock.client.WireMock.post(
        urlEqualTo("/v1/pets/7/documents")).willReturn(okJson("{\"files\": 1}")));

    assertThat(client.pets().addPetDocument(7L, dev.bulwark.runtime.BinaryBody.of(new byte[] {1, 2})
        .withFileName("record.pdf")).getFiles()).isEqualTo(1);

    server.getWireMock().verifyThat(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlEqualTo("/v1/pets/7/documents"))
        .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("multipart/form-data"))
        .withAnyRequestBodyPart(com.github.tomakehurst.wiremock.client.WireMock.aMultipart().withName("file")
            .withBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(new byte[] {1, 2}))));
  }

  @Test
  void photosTravelAsBytes(WireMockRuntimeInfo server) {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    server.getWireMock().register(get(urlEqualTo("/v1/pets/7/photo")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "image/png").withBody(png)));
    server.getWireMock().register(put(urlEqualTo("/v1/pets/7/photo")).willReturn(aResponse().withStatus(204)));

    assertThat(client.pets().getPetPhoto(7L).bytes()).isEqualTo(png);
    client.pets().uploadPetPhoto(7L, dev.bulwark.runtime.BinaryBody.of(png));

    server.getWireMock().verifyThat(putRequestedFor(urlEqualTo("/v1/pets/7/photo"))
        .withHeader("Content-Type", equalTo("image/png"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(png)));
  }

  @Test
  void loginPostsAFormWithoutCredentials(WireMockRuntimeInfo server) {
    server.getWireMock().register(post(urlEqualTo("/v1/store/login")).willReturn(okJson("{\"token\": \"t-1\"}")));

    String token = client.store().login(com.example.petstore.model.LoginRequest.builder()
        .username("ann").password("pw").build()).getToken();

    assertThat(token).isEqualTo("t-1");
    server.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/v1/store/login"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withHeader("Authorization", absent())
        .withRequestBody(equalTo("username=ann&password=pw")));
  }
}
