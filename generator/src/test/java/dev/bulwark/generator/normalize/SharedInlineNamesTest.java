package dev.bulwark.generator.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inline schema several operations share is named for what they share, never after one of them; and adding an
 * operation and a schema that share nothing with the others renames no existing type.
 */
class SharedInlineNamesTest {
  private static final String BOOKING = """
                    schema:
                      type: object
                      properties:
                        id: {type: string}
                        status: {type: string, enum: [held, confirmed]}
                        meta:
                          type: object
                          properties:
                            created: {type: string, format: date-time}
      """;
  private static final String LIST_META = """
                        meta:
                          type: object
                          properties:
                            page: {type: integer}
                            pageSize: {type: integer}
      """;

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shared, version: '1'}
      paths:
        /bookings:
          post:
            operationId: createBooking
            responses:
              '201':
                description: created
                content:
                  application/json:
      """ + BOOKING + """
        /bookings/{id}:
          get:
            operationId: getBooking
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses:
              '200':
                description: the booking, the same inline schema
                content:
                  application/json:
      """ + BOOKING + """
        /alpha_senders:
          get:
            operationId: listAlphaSender
            responses:
              '200':
                description: a page of senders
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        senders: {type: array, items: {type: string}}
      """ + LIST_META + """
        /phone_numbers:
          get:
            operationId: listPhoneNumber
            responses:
              '200':
                description: a page of numbers
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        numbers: {type: array, items: {type: integer}}
      """ + LIST_META + """
        /audit/{id}:
          get:
            operationId: getAuditEntry
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses:
              '200':
                description: titled
                content:
                  application/json:
                    schema: {title: Audit entry, type: object, properties: {at: {type: string}}}
        /audit:
          post:
            operationId: createAuditEntry
            responses:
              '201':
                description: titled, the same
                content:
                  application/json:
                    schema: {title: Audit entry, type: object, properties: {at: {type: string}}}
        /pets:
          get:
            operationId: listPets
            responses:
              '200':
                description: used once
                content:
                  application/json:
                    schema: {type: object, properties: {names: {type: array, items: {type: string}}}}
      components:
        schemas:
          Owner: {type: object, properties: {name: {type: string}}}
      """;

  @TempDir Path directory;

  private ApiModel normalize(String name, String spec) throws Exception {
    Path file = Files.writeString(directory.resolve(name), spec);
    return new Normalizer().normalize(new SpecLoader().load(file), Optional.empty()).model();
  }

  private static Map<String, String> responseTypes(ApiModel api) {
    Map<String, String> types = new LinkedHashMap<>();
    for (OperationModel operation : api.services().stream().flatMap(s -> s.operations().stream()).toList()) {
      operation.responseType().ifPresent(type -> types.put(operation.methodName(), ((TypeRef.Named) type).name()));
    }
    return types;
  }

  @Test
  void aSharedInlineSchemaIsNamedForWhatItsUsesShare() throws Exception {
    ApiModel api = normalize("shared.yaml", SPEC);

    Map<String, String> responses = responseTypes(api);
    assertThat(responses).containsEntry("createBooking", "BookingResponse")
        .containsEntry("getBooking", "BookingResponse")
        // Each page has its own items, so its own class; their meta is one class named for both.
        .containsEntry("listAlphaSender", "ListAlphaSenderResponse")
        .containsEntry("listPhoneNumber", "ListPhoneNumberResponse")
        .containsEntry("getAuditEntry", "AuditEntry")
        .containsEntry("createAuditEntry", "AuditEntry")
        .containsEntry("listPets", "ListPetsResponse");
    ObjectModel senders = (ObjectModel) type(api, "ListAlphaSenderResponse");
    ObjectModel numbers = (ObjectModel) type(api, "ListPhoneNumberResponse");
    assertThat(senders.properties().get(1).type()).isEqualTo(new TypeRef.Named("ListResponseMeta"))
        .isEqualTo(numbers.properties().get(1).type());
    // Classes nested in a renamed one follow its name.
    assertThat(api.types()).extracting(TypeModel::name)
        .contains("BookingResponseStatus", "BookingResponseMeta")
        .doesNotContain("CreateBookingResponse", "CreateBookingResponseMeta", "ListAlphaSenderResponseMeta");
  }

  @Test
  void addingAnUnrelatedOperationAndSchemaRenamesNothing() throws Exception {
    ApiModel before = normalize("before.yaml", SPEC);
    // The new operation comes first in the document, so that its types are named before every other.
    String added = SPEC.replace("paths:\n  /bookings:\n", String.join("\n",
        "paths:",
        "  /invoices:",
        "    get:",
        "      operationId: listInvoices",
        "      responses:",
        "        '200':",
        "          description: new",
        "          content:",
        "            application/json:",
        "              schema: {type: object, properties: {total: {type: number}, lines: {type: array,"
            + " items: {type: object, properties: {sku: {type: string}}}}}}",
        "  /bookings:",
        "")).replace("schemas:\n    Owner:",
        "schemas:\n    Invoice: {type: object, properties: {number: {type: string}}}\n    Owner:");
    assertThat(added).contains("listInvoices").contains("Invoice:");
    ApiModel after = normalize("after.yaml", added);

    assertThat(responseTypes(after)).containsAllEntriesOf(responseTypes(before));
    List<String> namesBefore = before.types().stream().map(TypeModel::name).toList();
    assertThat(after.types()).extracting(TypeModel::name).containsAll(namesBefore)
        .contains("ListInvoicesResponse", "Invoice");
    for (String name : namesBefore) {
      assertThat(type(after, name)).as(name).isEqualTo(type(before, name));
    }
  }

  private static TypeModel type(ApiModel api, String name) {
    return api.types().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
