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

/** Compiles generated sources with the JDK's compiler against the test class path (runtime, OkHttp, Moshi). */
public final class JavaCompilation {

  /** The outcome: errors and warnings as javac printed them. */
  public record Outcome(boolean success, List<String> errors, List<String> warnings) {}

  private JavaCompilation() {}

  public static Outcome compile(Path sourceRoot, Path classesDirectory) throws IOException {
    return compile(sourceRoot, classesDirectory, List.of());
  }

  /** Compiles with {@code -Xlint:all} and the extra options given, such as {@code -Xdoclint:all/protected}. */
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
          "-Xlint:all", "-proc:none", "-Xmaxwarns", "100000", "-d", classesDirectory.toString(),
          "-classpath", System.getProperty("java.class.path")));
      options.addAll(extraOptions);
      boolean success = compiler.getTask(new StringWriter(), files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      List<String> errors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        String text = (diagnostic.getSource() == null ? "" : diagnostic.getSource().getName() + ":"
            + diagnostic.getLineNumber() + ": ") + diagnostic.getMessage(null);
        if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(text);
        } else if (diagnostic.getKind() == Diagnostic.Kind.WARNING
            || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
          warnings.add(text);
        }
      }
      return new Outcome(success, errors, warnings);
    }
  }
}
