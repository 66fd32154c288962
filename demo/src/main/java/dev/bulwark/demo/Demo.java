package dev.bulwark.demo;

import dev.bulwark.demo.petstore.PetStoreClient;
import dev.bulwark.demo.petstore.model.NewPet;
import dev.bulwark.demo.petstore.model.Pet;
import dev.bulwark.demo.petstore.model.PetList;
import dev.bulwark.demo.petstore.model.PetStatus;
import dev.bulwark.runtime.error.BulwarkException;
import java.util.List;

/**
 * The README's demo: a client generated from {@code sample-specs/petstore.yaml} by the Maven plugin, calling an
 * embedded server on loopback, printing each step.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws Exception {
    CallTable calls = new CallTable();
    try (PetStoreServer server = new PetStoreServer();
        PetStoreClient client = PetStoreClient.builder()
            .baseUrl(server.baseUrl())
            .bearerAuth("demo-token")
            .apiKey("demo-key")
            .eventListener(calls)
            .build()) {
      System.out.println("Bulwark demo: PetStoreClient (generated from sample-specs/petstore.yaml) against "
          + server.baseUrl());
      System.out.println();

      step("health()", client.health().health().getStatus());

      Pet rex = client.pets().createPet(NewPet.builder()
          .name("Rex").status(PetStatus.AVAILABLE).tags(List.of("dog", "brown")).build());
      step("createPet(Rex)", "id=" + rex.getId() + ", status=" + rex.getStatus() + ", createdAt=" + rex.getCreatedAt());

      Pet tom = client.pets().createPet(NewPet.builder().name("Tom").status(PetStatus.IN_QUARANTINE).build());
      step("createPet(Tom)", "id=" + tom.getId() + ", status=" + tom.getStatus());

      PetList page = client.pets().listPets();
      step("listPets()", page.getItems().size() + " pets: "
          + page.getItems().stream().map(Pet::getName).toList());

      step("getPet(" + rex.getId() + ")", client.pets().getPet(rex.getId()).toString());

      Pet nemo = client.pets().getPet(100L);
      step("getPet(100)", "status=" + nemo.getStatus() + " (known to the spec: " + nemo.getStatus().isKnown()
          + "), kept unknown field microchip=" + nemo.getAdditionalProperties().get("microchip"));

      try {
        client.pets().createPet(NewPet.builder().name("").build());
      } catch (BulwarkException e) {
        step("createPet(\"\")", e.getClass().getSimpleName() + " [" + e.category() + "]: " + e.getMessage());
      }
      step("getInventory()", client.store().getInventory().toString());

      client.pets().deletePet(tom.getId());
      step("deletePet(" + tom.getId() + ")", "done");

      try {
        client.pets().getPet(tom.getId());
      } catch (BulwarkException e) {
        step("getPet(" + tom.getId() + ")", e.getClass().getSimpleName() + " [" + e.category() + "]: "
            + e.getMessage());
      }

      System.out.println();
      System.out.println("What the server received:");
      server.requestLog().forEach(line -> System.out.println("  " + line));
      System.out.println();
      System.out.println("Per operation, from the client's call events:");
      System.out.print(calls.table());
    }
  }

  private static void step(String call, String outcome) {
    System.out.printf("  %-22s %s%n", call, outcome);
  }
}
