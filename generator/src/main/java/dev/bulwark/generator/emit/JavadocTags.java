package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Completes a generated method's Javadoc with the tags its emitter left out, so that generated sources pass {@code
 * javac -Xdoclint:all}: an {@code @param} for every parameter and type variable and an {@code @return}, each worded
 * from the method's shape (a builder setter returns this builder, an operation's async form a future). Tags the
 * emitter wrote are kept; overrides, which inherit theirs, are left as they are. Private members are completed too:
 * doclint's default access level is private.
 */
final class JavadocTags {
  /** What a parameter of these names is, wherever it appears. */
  private static final Map<String, String> PARAMETERS = Map.ofEntries(
      Map.entry("builder", "the builder holding the values"),
      Map.entry("params", "the operation's parameters and body"),
      Map.entry("options", "overrides for this call: headers, timeouts, retries, an idempotency key"),
      Map.entry("visitor", "what to call with the variant this holds"),
      Map.entry("json", "the JSON as read, in the types {@code JsonReader.readJsonValue()} gives"),
      Map.entry("value", "the value"),
      Map.entry("moshi", "the Moshi instance that asks for the adapter"),
      Map.entry("type", "the type an adapter is asked for"),
      Map.entry("annotations", "the annotations on the place the type is used"));

  private JavadocTags() {}

  /** {@code method}, its Javadoc completed where doclint would find a tag missing. */
  static MethodSpec complete(MethodSpec method) {
    if (isOverride(method)) {
      return method;
    }
    String javadoc = method.javadoc().toString();
    StringBuilder missing = new StringBuilder();
    if (javadoc.isBlank()) {
      missing.append(summary(method)).append("\n");
    }
    if (!javadoc.isBlank() && !javadoc.endsWith("\n")) {
      missing.append("\n");
    }
    boolean blankLineWritten = javadoc.matches("(?s).*(^|\\n)@\\w+.*");
    for (TypeVariableName variable : method.typeVariables()) {
      if (!javadoc.contains("@param <" + variable.name() + ">")) {
        missing.append(blankLineWritten ? "" : "\n").append("@param <").append(variable.name())
            .append("> the type the visitor returns\n");
        blankLineWritten = true;
      }
    }
    for (ParameterSpec parameter : method.parameters()) {
      if (!javadoc.contains("@param " + parameter.name() + " ")) {
        missing.append(blankLineWritten ? "" : "\n").append("@param ").append(parameter.name()).append(' ')
            .append(parameterDoc(method, parameter)).append("\n");
        blankLineWritten = true;
      }
    }
    boolean returnsValue = !method.isConstructor() && !method.returnType().equals(TypeName.VOID);
    if (returnsValue && !javadoc.contains("@return ")) {
      missing.append(blankLineWritten ? "" : "\n").append("@return ").append(returnDoc(method)).append("\n");
    }
    if (missing.isEmpty()) {
      return method;
    }
    return method.toBuilder().addJavadoc("$L", missing.toString()).build();
  }

  /** {@code field}, with a comment naming it where its emitter gave none. */
  static FieldSpec field(FieldSpec field) {
    if (!field.javadoc().isEmpty()) {
      return field;
    }
    return field.toBuilder().addJavadoc("The {@code $L} value.\n", field.name()).build();
  }

  private static boolean isOverride(MethodSpec method) {
    return method.annotations().stream().anyMatch(a -> a.type().equals(ClassName.get(Override.class)));
  }

  private static String summary(MethodSpec method) {
    String name = method.name();
    if (method.isConstructor()) {
      return "Creates an instance.";
    }
    if (name.startsWith("get") && name.length() > 3 && method.parameters().isEmpty()) {
      return "The {@code " + decapitalize(name.substring(3)) + "} value.";
    }
    if (method.parameters().size() == 1 && returnsBuilder(method)) {
      return "Sets {@code " + name + "}.";
    }
    return method.modifiers().contains(Modifier.PRIVATE) ? "{@code " + name + "}, used within this class."
        : "The {@code " + name + "} method.";
  }

  private static String parameterDoc(MethodSpec method, ParameterSpec parameter) {
    // A setter's parameter is named after the property, which may be any name, "type" or "options" too.
    if (parameter.name().equals(method.name()) || method.parameters().size() == 1 && returnsBuilder(method)) {
      return "the new value";
    }
    String known = PARAMETERS.get(parameter.name());
    if (known != null) {
      return known;
    }
    return "the {@code " + parameter.name() + "} value";
  }

  private static String returnDoc(MethodSpec method) {
    String name = method.name();
    TypeName returns = method.returnType();
    String simple = simpleName(returns);
    if (name.equals("builder") && method.modifiers().contains(Modifier.STATIC)) {
      return "a new builder";
    }
    if (name.equals("toBuilder")) {
      return "a builder holding this object's values, to change some of them";
    }
    if (name.equals("build")) {
      return "the {@code " + simple + "}";
    }
    if (returnsBuilder(method)) {
      return "this builder";
    }
    if (name.equals("accept") || name.startsWith("visit")) {
      return "what the visitor returns";
    }
    if (simple.equals("CompletableFuture")) {
      return "a future of the call's result; it fails with the call's {@code BulwarkException}";
    }
    if (name.startsWith("get") || name.startsWith("as")) {
      return TypeName.BOOLEAN.equals(returns) ? "whether it is set" : "the value" + (isNullable(returns)
          ? ", or {@code null} when absent" : "");
    }
    if (name.startsWith("is") || name.startsWith("has")) {
      return "whether it is so";
    }
    return "the {@code " + simple + "}";
  }

  private static boolean returnsBuilder(MethodSpec method) {
    return !method.isConstructor() && !method.modifiers().contains(Modifier.STATIC)
        && simpleName(method.returnType()).equals("Builder");
  }

  private static boolean isNullable(TypeName type) {
    return type.annotations().stream().anyMatch(a -> a.type().equals(EmitContext.NULLABLE));
  }

  private static String simpleName(TypeName type) {
    TypeName raw = type.withoutAnnotations();
    if (raw instanceof ParameterizedTypeName parameterized) {
      return parameterized.rawType().simpleName();
    }
    return raw instanceof ClassName className ? className.simpleName() : raw.toString();
  }

  private static String decapitalize(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
