package dev.bulwark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A form taking the required values positionally is offered only when no two of them share a type; a read whose spec
 * declares an empty or schema-less body gets no body setter.
 */
class PositionalFormsTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Trips, version: '1'}
      paths:
        /trips/{origin}/{destination}:
          get:
            operationId: getTrips
            parameters:
              - {name: origin, in: path, required: true, schema: {type: string, format: uuid}}
              - {name: destination, in: path, required: true, schema: {type: string, format: uuid}}
            responses: {'204': {description: ok}}
        /rides/{id}:
          get:
            operationId: getRide
            parameters:
              - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
              - {name: at, in: query, required: true, schema: {type: string, format: date-time}}
            responses: {'204': {description: ok}}
          delete:
            operationId: cancelRide
            parameters:
              - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
            requestBody: {content: {}}
            responses: {'204': {description: ok}}
        /customers:
          post:
            operationId: createCustomer
            requestBody:
              content:
                application/json:
                  schema: {type: object, properties: {email: {type: string}}}
            responses: {'204': {description: ok}}
        /customers/{id}/refresh:
          post:
            operationId: refreshCustomer
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            requestBody:
              required: false
              content:
                application/json:
                  schema: {type: object, properties: {force: {type: boolean}}}
            responses: {'204': {description: ok}}
        /search:
          get:
            operationId: search
            requestBody:
              content:
                application/json: {}
            responses: {'204': {description: ok}}
      """;

  @Test
  void sameTypedRequiredValuesGetOnlyTheParametersForm(@TempDir Path work) throws Exception {
    Path spec = Files.writeString(work.resolve("trips.yaml"), SPEC);
    new Generator().generate(new Generator.Options(spec, "com.example.trips", Optional.empty(), work.resolve("src")));
    String service = Files.readString(work.resolve("src/com/example/trips/service/TripsService.java"));
    assertThat(service).contains("public void getTrips(GetTripsParams params)")
        .doesNotContain("getTrips(UUID origin, UUID destination)");
    assertThat(Files.readString(work.resolve("src/com/example/trips/service/RidesService.java")))
        .contains("public void getRide(UUID id, OffsetDateTime at)");
    // An optional body the spec does not say may be left out: no form that would send an empty POST.
    String customers = Files.readString(work.resolve("src/com/example/trips/service/CustomersService.java"));
    assertThat(customers).contains("public void createCustomer(CreateCustomerParams params)")
        .doesNotContain("public void createCustomer()")
        .contains("public void refreshCustomer(String id)");
    // The README shows the forms the client offers, with values of their types.
    assertThat(Files.readString(work.resolve("src/README.md")))
        .contains("client.trips().getTrips(GetTripsParams.builder()"
            + ".origin(UUID.fromString(\"3f2c1b9e-8d4a-4b6e-9c1d-2a7e5f0b8c3d\"))")
        .contains("client.rides().getRide(UUID.fromString(")
        .contains("client.customers().createCustomer(CreateCustomerParams.builder().build());")
        .contains("client.customers().refreshCustomer(\"value\");")
        .doesNotContain("getTrips(origin, destination)");
    assertThat(Files.readString(work.resolve("src/com/example/trips/service/CancelRideParams.java")))
        .doesNotContain("body(");
    assertThat(Files.readString(work.resolve("src/com/example/trips/service/SearchParams.java")))
        .doesNotContain("body(");
    assertThat(JavaCompilation.compile(work.resolve("src"), work.resolve("classes")).success()).isTrue();
  }
}
