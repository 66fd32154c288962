package dev.bulwark.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A setter is {@code @Nullable} only where {@code build()} accepts the value missing. */
class NullabilityTruthTest {
  @Test
  void aRequiredWriteOnlyPropertyHasANullableGetterAndANonNullSetter(@TempDir Path work) throws Exception {
    new Generator().generate(new Generator.Options(TestSpecs.sample("petstore.yaml"), "com.example.pets",
        Optional.empty(), work));
    String login = Files.readString(work.resolve("com/example/pets/model/LoginRequest.java"));
    // password is required and writeOnly: no response carries it, every request must.
    assertThat(login).contains("public @Nullable String getPassword()")
        .contains("public Builder password(String password) {\n      this.password = Objects.requireNonNull(")
        .doesNotContain("password(@Nullable String password)");
    assertThat(login).contains("BulwarkJson.requireValues(\"LoginRequest\", \"username\", username, \"password\"");
  }
}
