package dev.bulwark.generator.naming;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Case conversion and sanitising of spec names into Java identifiers. Pure functions: the same input always gives the
 * same name, so generated code is stable across runs.
 */
public final class Names {
  /** Java's reserved words and literals, which can never be identifiers. */
  private static final Set<String> JAVA_RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
      "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
      "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "yield",
      "record", "sealed", "permits", "non-sealed", "_");

  /** Kotlin's hard keywords, which Kotlin callers could only use in backticks. */
  private static final Set<String> KOTLIN_HARD = Set.of(
      "as", "fun", "in", "is", "object", "typealias", "typeof", "val", "when");

  /** Type names that would shadow java.lang or the types every generated file uses. */
  private static final Set<String> RESERVED_TYPE_NAMES = Set.of(
      "Object", "String", "Integer", "Long", "Double", "Float", "Boolean", "Byte", "Short", "Character", "Number",
      "Void", "Class", "Enum", "Record", "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface",
      "Iterable", "Exception", "RuntimeException", "Error", "Throwable", "Thread", "System", "Math", "Runtime",
      "Process", "Package", "Module", "StringBuilder", "CharSequence", "Comparable", "Cloneable", "Runnable",
      "List", "Map", "Set", "Objects", "Collections", "ArrayList", "LinkedHashMap", "Nullable", "Builder", "Type",
      "Types", "Moshi", "JsonAdapter", "JsonReader", "JsonWriter", "JsonDataException", "IOException", "UUID", "URI",
      "BigDecimal", "LocalDate", "OffsetDateTime", "Annotation",
      // Generated and runtime names a model would collide with: its own nested adapter, builder, an enum's Known, a
      // union's Unknown and Visitor, the adapter factory.
      "Json", "ModelJsonAdapters", "Known", "Unknown", "Visitor", "NullMarked", "JsonModel", "ObjectAdapter",
      "OpenEnum", "BulwarkJson", "ValueKind", "JsonProblems");

  /** Methods of {@code java.lang.Object}: an operation cannot be called that (some are final, all mislead). */
  private static final Set<String> OBJECT_METHODS = Set.of(
      "getClass", "wait", "notify", "notifyAll", "hashCode", "toString", "finalize", "equals", "clone");

  private Names() {}

  /** {@code "pet store-api"} becomes {@code "PetStoreApi"}; a leading digit gets a prefix to stay legal. */
  public static String upperCamel(String raw) {
    String joined = joinWords(words(raw), true);
    if (joined.isEmpty()) {
      return "Unnamed";
    }
    if (!Character.isJavaIdentifierStart(joined.charAt(0))) {
      joined = "T" + joined;
    }
    return joined;
  }

  /** A class name: upper camel case that shadows no java.lang type nor a type generated files import. */
  public static String typeName(String raw) {
    String name = upperCamel(raw);
    return RESERVED_TYPE_NAMES.contains(name) ? name + "Model" : name;
  }

  /**
   * A service method's name for an operation id: lower camel case, and {@code hashCodeOperation} for an operation
   * called like a method every Java object has ({@code getClass}, {@code wait}, {@code toString}, ...).
   */
  public static String methodName(String operationId) {
    String name = lowerCamel(operationId);
    return OBJECT_METHODS.contains(name) ? name + "Operation" : name;
  }

  /** {@code "user-id"} becomes {@code "userId"}; keywords get a {@code Value} suffix ({@code class -> classValue}). */
  public static String lowerCamel(String raw) {
    String joined = joinWords(words(raw), false);
    if (joined.isEmpty()) {
      return "value";
    }
    if (!Character.isJavaIdentifierStart(joined.charAt(0))) {
      // "2fa" becomes "n2fa": an underscore prefix would read as private, "n" keeps getters readable (getN2fa).
      joined = "n" + joined;
    }
    if (JAVA_RESERVED.contains(joined) || KOTLIN_HARD.contains(joined)) {
      joined = joined + "Value";
    }
    return joined;
  }

  /** {@code "in-progress"} becomes {@code "IN_PROGRESS"}; a leading digit gets a {@code VALUE_} prefix. */
  public static String upperSnake(String raw) {
    String joined = String.join("_", words(raw)).toUpperCase(Locale.ROOT);
    if (joined.isEmpty()) {
      return "EMPTY";
    }
    if (!Character.isJavaIdentifierStart(joined.charAt(0))) {
      joined = "VALUE_" + joined;
    }
    return joined;
  }

  /** Upper-cases the first character: {@code name -> Name}. */
  public static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** Lower-cases the first character: {@code Name -> name}. */
  public static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * Splits a name into words at separators, at lower-to-upper case changes ({@code petId}) and at the end of
   * acronyms ({@code HTTPServer -> HTTP, Server}). Accents are dropped and other non-ASCII letters become separators,
   * so that identifiers stay ASCII.
   */
  static List<String> words(String raw) {
    String ascii = Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      boolean letterOrDigit = c < 128 && Character.isLetterOrDigit(c);
      if (!letterOrDigit) {
        flush(words, word);
        continue;
      }
      if (word.length() > 0) {
        char previous = word.charAt(word.length() - 1);
        boolean lowerToUpper = Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous));
        boolean acronymEnd = Character.isUpperCase(c) && Character.isUpperCase(previous)
            && i + 1 < ascii.length() && Character.isLowerCase(ascii.charAt(i + 1));
        if (lowerToUpper || acronymEnd) {
          flush(words, word);
        }
      }
      word.append(c);
    }
    flush(words, word);
    return words;
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private static String joinWords(List<String> words, boolean capitalizeFirst) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String lower = word.toLowerCase(Locale.ROOT);
      if (i == 0 && !capitalizeFirst) {
        result.append(lower);
      } else {
        result.append(capitalize(lower));
      }
    }
    return result.toString();
  }
}
