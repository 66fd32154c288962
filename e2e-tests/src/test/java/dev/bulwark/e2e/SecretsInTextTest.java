package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.e2e.petstore.model.LoginRequest;
import dev.bulwark.e2e.petstore.model.NewPet;
import org.junit.jupiter.api.Test;

/** Secrets in generated models never reach {@code toString()}, and so never a log line that prints a model. */
class SecretsInTextTest {
  @Test
  void aPasswordPropertyIsShownAsSetNeverItsValue() {
    LoginRequest login = LoginRequest.builder().username("ann").password("hunter2-s3cret").build();
    assertThat(login.toString()).contains("username=ann", "password=***").doesNotContain("hunter2-s3cret");
    assertThat(login.getPassword()).isEqualTo("hunter2-s3cret");
  }

  @Test
  void anUndeclaredPropertyNamedLikeACredentialIsMaskedToo() {
    NewPet pet = NewPet.builder().name("Rex").additionalProperty("client_secret", "cs-live-123")
        .additionalProperty("next_token", "page-2").build();
    assertThat(pet.toString()).contains("client_secret=***", "next_token=page-2").doesNotContain("cs-live-123");
  }
}
