package dev.bulwark.generator.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
  private final OutputWriter writer = new OutputWriter();

  private static JavaFile type(String name) {
    return JavaFile.builder("com.example", TypeSpec.classBuilder(name).build()).build();
  }

  @Test
  void unchangedFilesAreNotRewrittenAndRemovedOnesAreDeleted(@TempDir Path out) throws Exception {
    writer.write(out, List.of(type("Kept"), type("Removed")), Map.of("README.md", "v1"));
    Path kept = out.resolve("com/example/Kept.java");
    FileTime before = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(kept, before);
    Path userFile = out.resolve("com/example/Handwritten.java");
    Files.writeString(userFile, "class Handwritten {}");

    OutputWriter.Report report = writer.write(out, List.of(type("Kept"), type("Added")), Map.of("README.md", "v2"));

    assertThat(report.unchanged()).containsExactly(kept);
    assertThat(report.written()).containsExactlyInAnyOrder(out.resolve("com/example/Added.java"),
        out.resolve("README.md"));
    assertThat(report.deleted()).containsExactly(out.resolve("com/example/Removed.java"));
    assertThat(Files.getLastModifiedTime(kept)).isEqualTo(before);
    assertThat(out.resolve("com/example/Removed.java")).doesNotExist();
    assertThat(userFile).exists();
  }
}
