package dev.bulwark.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.Generator;
import dev.bulwark.generator.TestSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact text of one model, one service, one parameter class and the client of the pet store, of the services
 * with pagination and event streams of the feeds sample, of the orders sample's services grouped by resource (one
 * with settings several operations share, written once), and of a discriminated union, a model with a union
 * property and Markdown Javadoc, and a service with a form body and deepObject queries of the payments sample. Where a change to
 * the emitters is intended, regenerate with {@code -Dbulwark.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @CsvSource({
      "petstore.yaml, com/example/petstore/BulwarkPetStoreClient.java",
      "petstore.yaml, com/example/petstore/service/StoreService.java",
      "petstore.yaml, com/example/petstore/service/ListPetsParams.java",
      "petstore.yaml, com/example/petstore/model/Order.java",
      "petstore.yaml, com/example/petstore/model/PetStatus.java",
      "orders.yaml, com/example/orders/model/Card.java",
      "orders.yaml, com/example/orders/service/OrdersService.java",
      "orders.yaml, com/example/orders/service/ReportsService.java",
      "feeds.yaml, com/example/feeds/service/ArticlesService.java",
      "feeds.yaml, com/example/feeds/service/EventsService.java",
      "payments.yaml, com/example/payments/model/ChargeEvent.java",
      "payments.yaml, com/example/payments/model/Message.java",
      "payments.yaml, com/example/payments/service/ChargesService.java",
  })
  void emittedFileMatchesGolden(String spec, String relativePath, @TempDir Path out) throws Exception {
    String packageName = relativePath.substring(0, relativePath.indexOf("/", "com/example/".length()))
        .replace('/', '.');
    new Generator().generate(new Generator.Options(TestSpecs.sample(spec), packageName, Optional.empty(), out));
    String actual = Files.readString(out.resolve(relativePath), StandardCharsets.UTF_8);
    Path golden = GOLDEN.resolve(Path.of(relativePath).getFileName() + ".txt");
    if (Boolean.getBoolean("bulwark.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
