package dev.bulwark.generator.normalize;

import dev.bulwark.generator.extension.ExtensionReader;
import dev.bulwark.generator.extension.PaginationSettings;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.PaginationModel;
import dev.bulwark.generator.model.PaginationModel.Accessor;
import dev.bulwark.generator.model.PaginationModel.Style;
import dev.bulwark.generator.model.ParameterModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves an operation's pagination settings against its response type, once every type is known: each JSON pointer
 * becomes a chain of generated properties, and each named query parameter must exist. Problems are reported through
 * the {@link ExtensionReader} as invalid extension values.
 */
final class PaginationResolver {
  private final Map<String, ObjectModel> objects;
  private final ExtensionReader problems;

  PaginationResolver(List<TypeModel> types, ExtensionReader problems) {
    this.objects = types.stream()
        .filter(ObjectModel.class::isInstance)
        .map(ObjectModel.class::cast)
        .collect(Collectors.toMap(ObjectModel::name, Function.identity()));
    this.problems = problems;
  }

  Optional<PaginationModel> resolve(OperationModel operation, PaginationSettings settings, String methodName) {
    String at = settings.pointer();
    if (operation.responseType().isEmpty() || !operation.successVariants().isEmpty()) {
      problems.problem(at, "the operation has no single JSON response body to find pages in");
      return Optional.empty();
    }
    TypeRef body = operation.responseType().get();
    Optional<Accessor> items = accessor(body, settings.items(), at + "/items");
    if (items.isPresent() && !(items.get().type() instanceof TypeRef.ListOf)) {
      problems.problem(at + "/items", "'" + settings.items() + "' must lead to an array, but leads to "
          + describe(items.get().type()));
      return Optional.empty();
    }
    String nextKey = settings.style() == Style.CURSOR ? "/nextCursor" : "/nextUrl";
    Optional<Accessor> next = settings.next().flatMap(pointer -> scalar(body, pointer, at + nextKey));
    Optional<Accessor> hasMore = settings.hasMore().flatMap(pointer -> accessor(body, pointer, at + "/hasMore"));
    if (hasMore.isPresent() && !hasMore.get().type().equals(TypeRef.scalar(TypeRef.ScalarKind.BOOLEAN))) {
      problems.problem(at + "/hasMore", "'" + settings.hasMore().get() + "' must lead to a boolean, but leads to "
          + describe(hasMore.get().type()));
      return Optional.empty();
    }
    Optional<String> parameter = switch (settings.style()) {
      case CURSOR -> queryParameter(operation, settings.parameter(), "cursor", at + "/cursorParam");
      case OFFSET -> queryParameter(operation, settings.parameter(), "offset", at + "/offsetParam");
      case PAGE_NUMBER -> queryParameter(operation, settings.parameter(), "page", at + "/pageParam");
      default -> Optional.of("");
    };
    Optional<String> limit = settings.limitParameter().isPresent()
        ? queryParameter(operation, settings.limitParameter(), "limit", at + "/limitParam")
        : Optional.of("limit").filter(name -> queryParameters(operation).contains(name));
    if (items.isEmpty() || parameter.isEmpty() || (settings.next().isPresent() && next.isEmpty())) {
      return Optional.empty();
    }
    TypeRef itemType = ((TypeRef.ListOf) items.get().type()).element();
    return Optional.of(new PaginationModel(methodName, settings.style(), items.get(), itemType, next, hasMore,
        parameter.get(), limit, settings.firstPage()));
  }

  private Optional<Accessor> scalar(TypeRef body, String pointer, String at) {
    Optional<Accessor> accessor = accessor(body, pointer, at);
    if (accessor.isPresent() && !(accessor.get().type() instanceof TypeRef.Scalar)) {
      problems.problem(at, "'" + pointer + "' must lead to a string or a number, but leads to "
          + describe(accessor.get().type()));
      return Optional.empty();
    }
    return accessor;
  }

  /** The query parameter named by the spec, or the style's usual name; empty (and a problem) when it is missing. */
  private Optional<String> queryParameter(OperationModel operation, Optional<String> named, String usual, String at) {
    String name = named.orElse(usual);
    List<String> query = queryParameters(operation);
    if (query.contains(name)) {
      return Optional.of(name);
    }
    problems.problem(at, "the operation has no query parameter '" + name + "'"
        + (named.isEmpty() ? " (the usual name; set it to the one the operation uses)" : "")
        + "; its query parameters are " + query);
    return Optional.empty();
  }

  private static List<String> queryParameters(OperationModel operation) {
    return operation.parameters().stream()
        .filter(p -> p.location() == ParameterModel.Location.QUERY)
        .map(ParameterModel::name)
        .toList();
  }

  private Optional<Accessor> accessor(TypeRef body, String pointer, String at) {
    List<PropertyModel> path = new ArrayList<>();
    TypeRef current = body;
    if (pointer.isEmpty()) {
      return Optional.of(new Accessor(path, current));
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      ObjectModel object = current instanceof TypeRef.Named named ? objects.get(named.name()) : null;
      if (object == null) {
        problems.problem(at, "'" + pointer + "' cannot go into '" + token + "': the value before it is "
            + describe(current) + ", not an object with properties");
        return Optional.empty();
      }
      Optional<PropertyModel> property = object.properties().stream()
          .filter(p -> p.jsonName().equals(token))
          .findFirst();
      if (property.isEmpty()) {
        problems.problem(at, "'" + pointer + "': " + object.name() + " has no property '" + token
            + "'; its properties are " + object.properties().stream().map(PropertyModel::jsonName).toList());
        return Optional.empty();
      }
      path.add(property.get());
      current = property.get().type();
    }
    return Optional.of(new Accessor(path, current));
  }

  private static String describe(TypeRef type) {
    if (type instanceof TypeRef.Scalar scalar) {
      return "a " + scalar.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (type instanceof TypeRef.Named named) {
      return named.name();
    }
    return type instanceof TypeRef.ListOf ? "an array" : "a map";
  }
}
