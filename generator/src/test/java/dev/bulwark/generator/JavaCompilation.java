package dev.bulwark.generator;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's compiler against the test class path (runtime, OkHttp, Moshi), with
 * {@code -Xlint:all} and {@code -Xdoclint:all} (javac's default access level for doclint, private).
 *
 * <p>One doclint warning is not counted: javac reports the field of every record component as having no comment,
 * whatever the record's Javadoc says ({@code @param} included; javac 17 and 25 alike, for a top-level record too), so
 * no record can pass. That warning is dropped only where the line it points at declares a record.
 */
public final class JavaCompilation {

  /** The outcome: errors and warnings as javac printed them. */
  public record Outcome(boolean success, List<String> errors, List<String> warnings) {}

  private JavaCompilation() {}

  public static Outcome compile(Path sourceRoot, Path classesDirectory) throws IOException {
    return compile(sourceRoot, classesDirectory, List.of());
  }

  /** Compiles with the default options and the extra ones given. */
  public static Outcome compile(Path sourceRoot, Path classesDirectory, List<String> extraOptions)
      throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(sourceRoot)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    Files.createDirectories(classesDirectory);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      List<String> options = new ArrayList<>(List.of(
          "-Xlint:all", "-Xdoclint:all", "-proc:none", "-Xmaxwarns", "100000", "-d", classesDirectory.toString(),
          "-classpath", System.getProperty("java.class.path")));
      options.addAll(extraOptions);
      boolean success = compiler.getTask(new StringWriter(), files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      List<String> errors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        String text = (diagnostic.getSource() == null ? "" : diagnostic.getSource().getName() + ":"
            + diagnostic.getLineNumber() + ": ") + diagnostic.getMessage(null) + sourceLine(diagnostic)
            .map(line -> " at: " + line.strip()).orElse("");
        if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(text);
        } else if ((diagnostic.getKind() == Diagnostic.Kind.WARNING
            || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING) && !isRecordComponentQuirk(diagnostic)) {
          warnings.add(text);
        }
      }
      return new Outcome(success, errors, warnings);
    }
  }

  private static boolean isRecordComponentQuirk(Diagnostic<? extends JavaFileObject> diagnostic) {
    // A long record header wraps, its components on the next line.
    return diagnostic.getMessage(null).equals("no comment")
        && (sourceLine(diagnostic, 0).filter(line -> RECORD.matcher(line).find()).isPresent()
            || sourceLine(diagnostic, -1).filter(line -> RECORD.matcher(line).find() && line.strip().endsWith("("))
                .isPresent());
  }

  private static java.util.Optional<String> sourceLine(Diagnostic<? extends JavaFileObject> diagnostic) {
    return sourceLine(diagnostic, 0);
  }

  private static java.util.Optional<String> sourceLine(Diagnostic<? extends JavaFileObject> diagnostic, int offset) {
    if (diagnostic.getSource() == null || diagnostic.getLineNumber() + offset < 1) {
      return java.util.Optional.empty();
    }
    try {
      String[] lines = diagnostic.getSource().getCharContent(true).toString().split("\n", -1);
      int index = (int) diagnostic.getLineNumber() + offset - 1;
      return index < lines.length ? java.util.Optional.of(lines[index]) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static final java.util.regex.Pattern RECORD =
      java.util.regex.Pattern.compile("^\\s*(public\\s+)?(static\\s+)?record\\s+\\w+\\(");
}
