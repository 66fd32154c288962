package dev.bulwark.generator.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.PropertyModel;
import dev.bulwark.generator.model.TypeRef;
import java.util.List;

/** Emits an object model as an immutable value class with its JSON adapter nested inside. */
final class ModelEmitter {
  private final EmitContext context;
  private final JavaTypes types;
  private final ValueClassEmitter valueClasses = new ValueClassEmitter();
  private final AdapterEmitter adapters;

  ModelEmitter(EmitContext context, JavaTypes types) {
    this.context = context;
    this.types = types;
    this.adapters = new AdapterEmitter(context, types);
  }

  TypeSpec emit(ObjectModel model) {
    List<ValueClassEmitter.ValueField> fields = model.properties().stream().map(this::field).toList();
    return valueClasses.emitModel(context.modelClass(model.name()), context.docs().markdown(model.description()),
            model.deprecated(), fields)
        .toBuilder()
        .addType(adapters.emit(model))
        .build();
  }

  private ValueClassEmitter.ValueField field(PropertyModel property) {
    CodeBlock initialValue = property.fixedValue().flatMap(value -> types.literal(property.type(), value))
        .orElse(CodeBlock.of(""));
    String javadoc = context.docs().markdown(property.description());
    if (property.defaultValue().isPresent()) {
      javadoc = EmitContext.appendSentence(javadoc,
          EmitContext.defaultDoc(context.docs(), property.defaultValue().get()));
    }
    if (!initialValue.isEmpty()) {
      String fixed = property.fixedValue().get();
      javadoc = EmitContext.appendSentence(javadoc, types.initialValueDoc(property.type(), fixed));
    }
    return new ValueClassEmitter.ValueField(
        property.javaName(),
        types.forValue(property.type(), property.alwaysPresent()),
        JavaTypes.nullable(types.boxed(property.type())),
        JavaTypes.nullable(types.boxed(property.type())),
        property.alwaysPresent(),
        property.jsonName(),
        property.nullable() && !property.required(),
        !(property.type() instanceof TypeRef.Scalar),
        javadoc,
        property.deprecated(),
        property.requiredToBuild(),
        initialValue)
        .withVariantSetters(property.readOnly() ? List.of() : types.variantSetters(property.type()))
        .withSensitive(property.sensitive());
  }
}
