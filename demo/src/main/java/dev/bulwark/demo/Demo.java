package dev.bulwark.demo;

import dev.bulwark.demo.petstore.PetStoreClient;
import dev.bulwark.demo.petstore.model.NewPet;
import dev.bulwark.demo.petstore.model.Order;
import dev.bulwark.demo.petstore.model.Pet;
import dev.bulwark.demo.petstore.model.PetList;
import dev.bulwark.demo.petstore.model.PetStatus;
import dev.bulwark.runtime.error.BulwarkException;
import dev.bulwark.runtime.retry.RetryBudget;
import dev.bulwark.testing.Reply;
import dev.bulwark.testing.ScriptedServer;
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

      Order order = client.store().placeOrder(Order.builder().petId(rex.getId()).quantity(1).build());
      step("placeOrder(Rex)", "order " + order.getId() + ", placed once though sent twice: the second attempt"
          + " carried the first one's idempotency key");

      client.pets().deletePet(tom.getId());
      step("deletePet(" + tom.getId() + ")", "done");

      try {
        client.pets().getPet(tom.getId());
      } catch (BulwarkException e) {
        step("getPet(" + tom.getId() + ")", e.getClass().getSimpleName() + " [" + e.category() + "]: "
            + e.getMessage());
      }

      System.out.println();
      System.out.println("A sustained outage (every call answered 503), with a small retry budget:");
      // The outage is scripted with bulwark-testing, as a test of code using the client would script it.
      try (ScriptedServer down = ScriptedServer.started();
          PetStoreClient archive = PetStoreClient.builder().baseUrl(down.url() + "v1").bearerAuth("demo-token")
              .retryBudget(new RetryBudget(20, 5, 10, 1)).eventListener(calls).build()) {
        down.on("GET", "/v1/pets/{petId}").reply(Reply.status(503));
        for (int i = 0; i < 4; i++) {
          try {
            archive.pets().getPet(900L + i);
          } catch (BulwarkException e) {
            step("getPet(" + (900 + i) + ")", e.getClass().getSimpleName() + " after " + e.attempts()
                + " attempt(s); budget left: " + archive.retryBudget().available());
          }
        }
      }

      System.out.println();
      System.out.println("What the server received:");
      server.requestLog().forEach(line -> System.out.println("  " + line));
      System.out.println();
      System.out.println("Per operation, from the client's call events:");
      System.out.print(calls.table());
    }
  }

  /**
   * Colour only on a terminal that shows it (a console, a TERM other than dumb, no NO_COLOR): piped or in CI, the
   * output stays plain text.
   */
  private static final boolean COLOUR = System.console() != null && System.getenv("NO_COLOR") == null
      && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));

  private static void step(String call, String outcome) {
    boolean failed = outcome.contains("Exception");
    System.out.printf("  %s %s%n", paint(String.format("%-22s", call), "36"),
        failed ? paint(outcome, "31") : outcome);
  }

  private static String paint(String text, String code) {
    return COLOUR ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
