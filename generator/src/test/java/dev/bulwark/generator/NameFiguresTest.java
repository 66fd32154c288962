package dev.bulwark.generator;

import dev.bulwark.generator.load.SpecLoader;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.BodyModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import dev.bulwark.generator.model.UnionModel;
import dev.bulwark.generator.normalize.Normalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Figures of the names a corpus of specs gets, for docs/coverage.md: per spec, how many union variants are named
 * {@code ...VariantN} (the spec gave nothing better), how many inline types are named after one operation but used
 * by another too ("borrowed": {@code getBooking} returning {@code CreateBookingResponse}), and the largest service.
 *
 * <p>Outside the default suite: {@code scripts/name-figures DIR} ({@code -Dbulwark.corpus=DIR}). It prints, and
 * asserts nothing: it measures.
 */
@EnabledIfSystemProperty(named = "bulwark.corpus", matches = ".+")
class NameFiguresTest {
  private static final int BORROWED_SHOWN = Integer.getInteger("bulwark.corpus.shown", 0);
  private static final List<String> borrowedNames = new ArrayList<>();

  @Test
  void printFigures() throws Exception {
    List<Path> specs;
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("bulwark.corpus")))) {
      specs = files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    StringBuilder report = new StringBuilder(String.format("%-36s %7s %9s %9s %9s %9s %8s%n", "spec", "types",
        "variants", "VariantN", "borrowed", "services", "largest"));
    int[] total = new int[6];
    for (Path spec : specs) {
      ApiModel model = new Normalizer().normalize(new SpecLoader().load(spec), Optional.empty()).model();
      int[] figures = figures(model);
      for (int i = 0; i < figures.length; i++) {
        total[i] = i == 5 ? Math.max(total[i], figures[i]) : total[i] + figures[i];
      }
      report.append(String.format("%-36s %7d %9d %9d %9d %9d %8d%n", spec.getFileName(), figures[0], figures[1],
          figures[2], figures[3], figures[4], figures[5]));
      borrowedNames.forEach(name -> report.append("    borrowed: ").append(name).append('\n'));
    }
    report.append(String.format("%-36s %7d %9d %9d %9d %9d %8d%n", "total", total[0], total[1], total[2], total[3],
        total[4], total[5]));
    Files.writeString(Path.of("target/name-figures.txt"), report);
    System.out.print(report);
  }

  /** Types, union variants, VariantN variants, borrowed inline types, services, operations of the largest one. */
  private static int[] figures(ApiModel model) {
    Map<String, TypeModel> types = new HashMap<>();
    model.types().forEach(type -> types.put(type.name(), type));
    int variants = 0;
    int variantN = 0;
    for (TypeModel type : model.types()) {
      if (type instanceof UnionModel union) {
        variants += union.variants().size();
        for (UnionModel.Variant variant : union.variants()) {
          if (variant.javaName().matches(".*Variant\\d+")) {
            variantN++;
            if (System.getProperty("bulwark.corpus.variants") != null) {
              System.out.println("VARIANT " + union.name() + "." + variant.javaName() + " " + variant.type()
                  + " " + union.origin());
            }
          }
        }
      }
    }
    List<OperationModel> operations = model.services().stream().flatMap(s -> s.operations().stream()).toList();
    // Longest operation context first, so that a type is attributed to the operation whose name it most fully starts
    // with (ListPetsByOwner before ListPets).
    List<OperationModel> byContext = new ArrayList<>(operations);
    byContext.sort(Comparator.comparingInt((OperationModel o) -> o.methodName().length()).reversed());
    Map<String, Set<String>> usersOfType = new HashMap<>();
    for (OperationModel operation : operations) {
      for (String type : reachable(operation, types)) {
        usersOfType.computeIfAbsent(type, t -> new HashSet<>()).add(operation.methodName());
      }
    }
    int borrowed = 0;
    borrowedNames.clear();
    for (TypeModel type : model.types()) {
      if (type.origin().startsWith("/components/schemas/")) {
        continue;
      }
      Optional<OperationModel> namedAfter = byContext.stream()
          .filter(o -> startsWithWord(type.name(), upperCamel(o.methodName()))).findFirst();
      Set<String> users = usersOfType.getOrDefault(type.name(), Set.of());
      if (namedAfter.isPresent() && users.stream().anyMatch(user -> !user.equals(namedAfter.get().methodName())
          && !operationsOfSameName(user, namedAfter.get().methodName()))) {
        borrowed++;
        if (BORROWED_SHOWN > 0 && borrowedNames.size() < BORROWED_SHOWN) {
          borrowedNames.add(type.name() + " (also in " + users.stream().filter(u -> !u.equals(
              namedAfter.get().methodName())).sorted().limit(2).toList() + ")");
        }
      }
    }
    int largest = model.services().stream().mapToInt(s -> s.operations().size()).max().orElse(0);
    return new int[] {model.types().size(), variants, variantN, borrowed, model.services().size(), largest};
  }

  /** An operation's forms for other media types ({@code createPetForm}) share its types. */
  private static boolean operationsOfSameName(String user, String owner) {
    return user.startsWith(owner) || owner.startsWith(user);
  }

  private static boolean startsWithWord(String name, String prefix) {
    return name.startsWith(prefix) && (name.length() == prefix.length()
        || Character.isUpperCase(name.charAt(prefix.length())) || Character.isDigit(name.charAt(prefix.length())));
  }

  private static String upperCamel(String methodName) {
    return Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1);
  }

  private static Set<String> reachable(OperationModel operation, Map<String, TypeModel> types) {
    Deque<TypeRef> pending = new ArrayDeque<>();
    operation.parameters().forEach(p -> pending.add(p.type()));
    operation.body().ifPresent(body -> {
      pending.add(body.type());
      body.parts().stream().map(BodyModel.Part::type).forEach(pending::add);
    });
    operation.responseType().ifPresent(pending::add);
    operation.successVariants().forEach(v -> pending.add(v.type()));
    operation.errorTypes().forEach(e -> pending.add(e.type()));
    operation.stream().ifPresent(s -> pending.add(s.eventType()));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeRef type = pending.pop();
      if (type instanceof TypeRef.ListOf list) {
        pending.add(list.element());
      } else if (type instanceof TypeRef.MapOf map) {
        pending.add(map.value());
      } else if (type instanceof TypeRef.Named named && seen.add(named.name())) {
        TypeModel model = types.get(named.name());
        if (model instanceof ObjectModel object) {
          object.properties().forEach(p -> pending.add(p.type()));
        } else if (model instanceof UnionModel union) {
          union.variants().forEach(v -> pending.add(v.type()));
        }
      }
    }
    return seen;
  }
}
