package dev.bulwark.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.naming.UniqueNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The settings several operations of a service share (a retry policy, timeouts, an error envelope: what the spec
 * sets at its root or on a path), each emitted once as a constant that the operations' specs refer to, so that a
 * root-level policy is not written out again in every operation. A value only one operation has stays in place.
 */
final class SharedSettings {
  /** One kind of setting: the constant's type and name stem, and how an operation's value is written. */
  record Kind(ClassName type, String constantName, String what, Function<OperationModel, Optional<CodeBlock>> value) {}

  private final Map<Kind, Map<String, String>> constantByValue = new LinkedHashMap<>();
  private final List<FieldSpec> fields = new ArrayList<>();

  SharedSettings(List<OperationModel> operations, List<Kind> kinds, UniqueNames constants) {
    for (Kind kind : kinds) {
      Map<String, CodeBlock> values = new LinkedHashMap<>();
      Map<String, List<String>> users = new LinkedHashMap<>();
      for (OperationModel operation : operations) {
        kind.value().apply(operation).ifPresent(value -> {
          values.putIfAbsent(value.toString(), value);
          users.computeIfAbsent(value.toString(), v -> new ArrayList<>()).add(operation.methodName());
        });
      }
      Map<String, String> names = new LinkedHashMap<>();
      // The value most operations share takes the plain name.
      users.entrySet().stream()
          .filter(entry -> entry.getValue().size() > 1)
          .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
          .forEach(entry -> {
            String name = constants.claim(kind.constantName());
            names.put(entry.getKey(), name);
            List<String> shown = entry.getValue().subList(0, Math.min(5, entry.getValue().size()));
            fields.add(FieldSpec.builder(kind.type(), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The $L of $L operations: {@code $L}$L.\n", kind.what(), entry.getValue().size(),
                    String.join("}, {@code ", shown), entry.getValue().size() > shown.size() ? " and others" : "")
                .initializer(values.get(entry.getKey()))
                .build());
          });
      constantByValue.put(kind, names);
    }
  }

  /** The constants, to be declared before the operation specs that use them. */
  List<FieldSpec> fields() {
    return fields;
  }

  /** The operation's value of {@code kind}: the shared constant's name, or the value itself. */
  Optional<CodeBlock> of(Kind kind, OperationModel operation) {
    return kind.value().apply(operation).map(value -> {
      String name = constantByValue.getOrDefault(kind, Map.of()).get(value.toString());
      return name == null ? value : CodeBlock.of("$N", name);
    });
  }
}
