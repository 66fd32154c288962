package dev.bulwark.generator.emit;

import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.PropertyModel;
import java.util.List;

/** Emits an object model as an immutable value class; its JSON adapter comes from {@link AdapterEmitter}. */
final class ModelEmitter {
  private final EmitContext context;
  private final JavaTypes types;
  private final ValueClassEmitter valueClasses = new ValueClassEmitter();

  ModelEmitter(EmitContext context, JavaTypes types) {
    this.context = context;
    this.types = types;
  }

  TypeSpec emit(ObjectModel model) {
    List<ValueClassEmitter.ValueField> fields = model.properties().stream().map(this::field).toList();
    return valueClasses.emit(context.modelClass(model.name()), model.description(), model.deprecated(), fields);
  }

  private ValueClassEmitter.ValueField field(PropertyModel property) {
    String doc = property.description().isEmpty()
        ? "JSON property {@code " + property.jsonName() + "}."
        : property.description() + "\n\n<p>JSON property {@code " + property.jsonName() + "}.";
    return new ValueClassEmitter.ValueField(
        property.javaName(),
        types.forValue(property.type(), property.alwaysPresent()),
        JavaTypes.nullable(types.boxed(property.type())),
        property.alwaysPresent(),
        doc,
        property.deprecated());
  }
}
