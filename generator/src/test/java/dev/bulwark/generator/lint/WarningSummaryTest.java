package dev.bulwark.generator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.generator.Generator;
import dev.bulwark.generator.SpecProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding that recurs across many operations is one line with its count; a few stay a line each. */
class WarningSummaryTest {

  @Test
  void aKindRecurringMoreThanThreeTimesIsOneLineWithItsCountAndFirstPlaces(@TempDir Path dir) throws Exception {
    StringBuilder spec = new StringBuilder("openapi: 3.0.3\ninfo: {title: Many, version: '1'}\npaths:\n");
    IntStream.range(0, 12).forEach(i -> spec.append("  /things").append(i).append(":\n    post:\n")
        .append("      operationId: create").append(i).append("\n      responses: {'201': {description: ok}}\n"));
    spec.append("  /untitled:\n    get:\n      responses: {'200': {description: ok}}\n");
    Path file = Files.writeString(dir.resolve("many.yaml"), spec.toString());

    List<SpecProblem> warnings = new Generator().check(file).warnings();
    assertThat(warnings).filteredOn(w -> w.kind().equals(ResilienceLint.UNKEYED_RETRIES)).hasSize(12);

    List<String> lines = WarningSummary.lines(warnings, "target/bulwark/warnings-many.yaml.txt");
    assertThat(lines).filteredOn(line -> line.contains("has retries but is not idempotent")).isEmpty();
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(file + ": 12 operations have retries but are"
        + " neither idempotent nor keyed").contains("(line 5 /paths/~1things0/post, line 9 /paths/~1things1/post,"
        + " line 13 /paths/~1things2/post and 9 more; every one in target/bulwark/warnings-many.yaml.txt)"));
    // One of a kind stays as it was: the operation without an id, and the timeouts hint.
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("/paths/~1untitled/get: no operationId"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("no x-bulwark-timeout anywhere"));
    assertThat(lines).hasSize(3);
    assertThat(WarningSummary.groups(warnings)).isTrue();
    assertThat(WarningSummary.report(warnings).lines()).hasSize(warnings.size());
  }

  @Test
  void threeOfAKindStayALineEach() {
    List<SpecProblem> three = IntStream.range(0, 3).mapToObj(i -> new SpecProblem("api.yaml", "/paths/~1p" + i,
        OptionalInt.empty(), "the same advice", ResilienceLint.UNKEYED_RETRIES)).toList();
    assertThat(WarningSummary.lines(three, "report.txt")).hasSize(3).allSatisfy(line ->
        assertThat(line).endsWith("the same advice"));
    assertThat(WarningSummary.groups(three)).isFalse();
  }
}
