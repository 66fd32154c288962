package dev.bulwark.generator.normalize;

import dev.bulwark.generator.extension.ExtensionReader;
import dev.bulwark.generator.extension.ExtensionReader.Level;
import dev.bulwark.generator.extension.ExtensionReader.LevelSettings;
import dev.bulwark.generator.model.ResilienceModel;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the resilience extensions of the spec root, the path item and the operation, later levels winning field by
 * field. Each level is read once.
 */
final class ResilienceResolver {
  private final ExtensionReader reader;
  private final LevelSettings root;
  private final Map<String, LevelSettings> paths = new HashMap<>();

  ResilienceResolver(OpenAPI api, ExtensionReader reader) {
    this.reader = reader;
    this.root = reader.read(api.getExtensions(), "", Level.ROOT);
  }

  /** The extensions of an operation, and of the path item and root above it. */
  record Levels(LevelSettings root, LevelSettings path, LevelSettings operation) {}

  Levels levels(Normalizer.OperationSource source, String operationPointer) {
    LevelSettings path = paths.computeIfAbsent(source.path(), p -> reader.read(
        source.pathItem().getExtensions(), JsonPointer.child("/paths", p), Level.PATH));
    return new Levels(root, path, reader.read(source.operation().getExtensions(), operationPointer, Level.OPERATION));
  }

  /** The error envelope the operation, its path or the root sets, the nearest winning. */
  static Optional<dev.bulwark.generator.model.ErrorModel.Envelope> errorEnvelope(Levels levels) {
    return levels.operation().errorEnvelope().or(levels.path()::errorEnvelope).or(levels.root()::errorEnvelope);
  }

  ResilienceModel resolve(Normalizer.OperationSource source, Levels levels) {
    LevelSettings root = levels.root();
    LevelSettings path = levels.path();
    LevelSettings operation = levels.operation();
    // Keys set for the whole API or a path go to the methods that need them, POST and PATCH; an operation's own
    // setting applies whatever its method.
    boolean needsKey = source.method().equals("POST") || source.method().equals("PATCH");
    Optional<String> inherited = needsKey ? path.idempotencyKey().or(root::idempotencyKey) : Optional.empty();
    Optional<String> key = operation.idempotencyKey()
        .or(() -> inherited)
        .filter(header -> !header.isEmpty());
    return new ResilienceModel(
        root.retry().overriddenBy(path.retry()).overriddenBy(operation.retry()),
        root.timeouts().overriddenBy(path.timeouts()).overriddenBy(operation.timeouts()),
        operation.idempotent(),
        key);
  }
}
