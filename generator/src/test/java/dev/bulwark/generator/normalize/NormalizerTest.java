package dev.bulwark.generator.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.TestSpecs;
import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.EnumModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.ParameterModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.model.SecuritySchemeModel;
import dev.bulwark.generator.model.ServiceModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.model.TypeRef.ScalarKind;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NormalizerTest {
  private static ApiModel api;

  @BeforeAll
  static void normalizeSample() throws Exception {
    Normalizer.Result result = new Normalizer().normalize(
        new SpecLoader().load(TestSpecs.sample("petstore.yaml")), Optional.empty());
    api = result.model();
  }

  private static TypeModel type(String name) {
    return api.types().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static PropertyModel property(String type, String jsonName) {
    return ((ObjectModel) type(type)).properties().stream()
        .filter(p -> p.jsonName().equals(jsonName)).findFirst().orElseThrow();
  }

  private static OperationModel operation(String methodName) {
    return api.services().stream().flatMap(s -> s.operations().stream())
        .filter(o -> o.methodName().equals(methodName)).findFirst().orElseThrow();
  }

  @Test
  void clientNameComesFromTheTitle() {
    assertThat(api.clientName()).isEqualTo("BulwarkPetStoreClient");
    assertThat(api.defaultBaseUrl()).contains("https://petstore.example.com/v1");
  }

  @Test
  void oneServicePerTagAndUntaggedOperationsByResource() {
    assertThat(api.services()).extracting(ServiceModel::className)
        .containsExactly("PetsService", "StoreService", "HealthService");
    assertThat(api.services()).extracting(ServiceModel::accessorName)
        .containsExactly("pets", "store", "health");
    assertThat(api.services()).extracting(ServiceModel::resource).containsExactly("", "", "health");
  }

  @Test
  void allOfMergesPropertiesAndRequiredLists() {
    ObjectModel pet = (ObjectModel) type("Pet");
    assertThat(pet.properties()).extracting(PropertyModel::jsonName)
        .containsExactly("name", "status", "tags", "birthday", "owner", "attributes", "class", "2fa", "id",
            "createdAt", "price", "weight");
    assertThat(property("Pet", "id").required()).isTrue();
    assertThat(property("Pet", "name").required()).isTrue();
    assertThat(property("Pet", "status").required()).isFalse();
  }

  @Test
  void readOnlyPropertiesAreNotAskedOfBuildersAndWriteOnlyOnesNotPromisedByGetters() {
    PropertyModel id = property("Order", "id");
    assertThat(id.readOnly()).isTrue();
    assertThat(id.alwaysPresent()).isTrue();
    assertThat(id.requiredToBuild()).isFalse();
    PropertyModel password = property("LoginRequest", "password");
    assertThat(password.writeOnly()).isTrue();
    assertThat(password.alwaysPresent()).isFalse();
    assertThat(password.requiredToBuild()).isTrue();
    assertThat(property("Order", "petId").requiredToBuild()).isTrue();
  }

  @Test
  void inheritedInlineSchemaKeepsOneClass() {
    assertThat(property("Pet", "owner").type()).isEqualTo(new TypeRef.Named("NewPetOwner"));
    assertThat(property("NewPet", "owner").type()).isEqualTo(new TypeRef.Named("NewPetOwner"));
    assertThat(api.types()).extracting(TypeModel::name).doesNotContain("PetOwner");
  }

  @Test
  void awkwardPropertyNamesBecomeLegalIdentifiersAndKeepTheirJsonName() {
    assertThat(property("NewPet", "class").javaName()).isEqualTo("classValue");
    assertThat(property("NewPet", "2fa").javaName()).isEqualTo("n2fa");
    assertThat(property("NewPetOwner", "user-id").javaName()).isEqualTo("userId");
    assertThat(property("Order", "default").javaName()).isEqualTo("defaultValue");
  }

  @Test
  void formatsMapToJavaTypes() {
    assertThat(property("Pet", "id").type()).isEqualTo(TypeRef.scalar(ScalarKind.INT64));
    assertThat(property("Pet", "createdAt").type()).isEqualTo(TypeRef.scalar(ScalarKind.DATE_TIME));
    assertThat(property("Pet", "birthday").type()).isEqualTo(TypeRef.scalar(ScalarKind.DATE));
    assertThat(property("Pet", "weight").type()).isEqualTo(TypeRef.scalar(ScalarKind.DECIMAL));
    assertThat(property("NewPetOwner", "user-id").type()).isEqualTo(TypeRef.scalar(ScalarKind.UUID));
    assertThat(property("Pet", "tags").type()).isEqualTo(new TypeRef.ListOf(TypeRef.scalar(ScalarKind.STRING)));
    assertThat(property("Pet", "attributes").type()).isEqualTo(new TypeRef.MapOf(TypeRef.scalar(ScalarKind.STRING)));
    assertThat(property("PetList", "nextCursor").nullable()).isTrue();
  }

  @Test
  void enumsKeepWireValuesAndGetJavaConstants() {
    EnumModel status = (EnumModel) type("PetStatus");
    assertThat(status.constants()).extracting(EnumModel.EnumConstant::javaName)
        .containsExactly("AVAILABLE", "PENDING", "SOLD", "IN_QUARANTINE");
    assertThat(status.constants()).extracting(EnumModel.EnumConstant::value)
        .containsExactly("available", "pending", "sold", "in-quarantine");
    assertThat(type("OrderStatus")).isInstanceOf(EnumModel.class);
  }

  @Test
  void inlineSchemasAreNamedFromTheirContext() {
    assertThat(operation("getPhotoInfo").responseType()).contains(new TypeRef.Named("GetPhotoInfoResponse"));
    assertThat(operation("health").responseType()).contains(new TypeRef.Named("HealthResponse"));
    assertThat(operation("getInventory").responseType())
        .contains(new TypeRef.MapOf(TypeRef.scalar(ScalarKind.INT32)));
  }

  @Test
  void parametersMergePathLevelAndResolveReferences() {
    OperationModel updatePet = operation("updatePet");
    assertThat(updatePet.parameters()).extracting(ParameterModel::name).containsExactly("petId", "If-Match");
    assertThat(updatePet.parameters().get(0).location()).isEqualTo(ParameterModel.Location.PATH);
    assertThat(updatePet.parameters().get(0).required()).isTrue();
    assertThat(updatePet.body()).hasValueSatisfying(body -> {
      assertThat(body.type()).isEqualTo(new TypeRef.Named("NewPet"));
      assertThat(body.required()).isTrue();
    });
    OperationModel listPets = operation("listPets");
    assertThat(listPets.parameters()).extracting(ParameterModel::javaName)
        .containsExactly("limit", "status", "tags", "colors", "ids", "filter", "xRequestId");
    assertThat(listPets.parameters()).extracting(ParameterModel::style)
        .containsExactly("FORM", "FORM", "FORM", "PIPE_DELIMITED", "FORM", "DEEP_OBJECT", "SIMPLE");
    assertThat(listPets.paramsClassName()).isEqualTo("ListPetsParams");
  }

  @Test
  void securityFollowsOperationThenRoot() {
    assertThat(operation("listPets").securitySchemes()).containsExactly("bearerAuth");
    assertThat(operation("getInventory").securitySchemes()).containsExactly("apiKey");
    assertThat(operation("health").securitySchemes()).isEmpty();
    assertThat(api.securitySchemes()).extracting(SecuritySchemeModel::kind)
        .containsExactly(SecuritySchemeModel.Kind.BEARER, SecuritySchemeModel.Kind.API_KEY_HEADER);
  }

  @Test
  void noContentResponseHasNoType() {
    assertThat(operation("deletePet").responseType()).isEmpty();
  }

  @Test
  void aJsonBodyIsSentAsTheSpecsJsonTypeWithTheOthersThatTakeTheSameBody() throws Exception {
    ApiModel orders = new Normalizer().normalize(new SpecLoader().load(TestSpecs.sample("orders.yaml")),
        Optional.empty()).model();
    OperationModel update = orders.services().stream().flatMap(s -> s.operations().stream())
        .filter(o -> o.methodName().equals("updateOrder")).findFirst().orElseThrow();
    // JSON Patch is an array of operations: it cannot carry the OrderPatch object, so it is neither sent nor offered.
    assertThat(update.body().orElseThrow().mediaType()).isEqualTo("application/merge-patch+json");
    assertThat(update.body().orElseThrow().otherMediaTypes())
        .containsExactly("application/strategic-merge-patch+json");
    assertThat(operation("createPet").body().orElseThrow().mediaType()).isEqualTo("application/json");
  }

  @Test
  void aBodyOfferedAsJsonOrMultipartGetsAMethodForEachWithItsOwnParameters() throws Exception {
    ApiModel orders = new Normalizer().normalize(new SpecLoader().load(TestSpecs.sample("orders.yaml")),
        Optional.empty()).model();
    java.util.List<OperationModel> methods = orders.services().stream().flatMap(s -> s.operations().stream())
        .filter(o -> o.operationId().equals("addAttachment")).toList();

    assertThat(methods).extracting(OperationModel::methodName)
        .containsExactly("addAttachment", "addAttachmentMultipart");
    assertThat(methods).extracting(OperationModel::paramsClassName)
        .containsExactly("AddAttachmentParams", "AddAttachmentMultipartParams");
    assertThat(methods.get(0).body().orElseThrow().kind()).isEqualTo("JSON");
    assertThat(methods.get(1).body().orElseThrow().parts()).extracting(part -> part.name())
        .containsExactly("file", "caption");
    assertThat(methods.get(1).alternativeOf())
        .contains(new OperationModel.Primary("addAttachment", "application/json"));
    assertThat(methods.get(1).parameters()).isEqualTo(methods.get(0).parameters());
  }
}
