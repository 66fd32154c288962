package dev.bulwark.generator.emit;

import com.palantir.javapoet.JavaFile;
import dev.bulwark.generator.model.ApiModel;
import dev.bulwark.generator.model.EnumModel;
import dev.bulwark.generator.model.ObjectModel;
import dev.bulwark.generator.model.OperationModel;
import dev.bulwark.generator.model.ServiceModel;
import dev.bulwark.generator.model.TypeModel;
import dev.bulwark.generator.model.UnionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Stage 3 as a whole: an {@link ApiModel} in, the Java files of its client out, in a stable order. */
public final class JavaEmitter {
  private final EmitContext context;

  /**
   * @param basePackage the client's package; models go to {@code .model}, services and parameters to {@code .service}
   * @param generatorVersion named in every file's header
   */
  public JavaEmitter(String basePackage, String specFileName, String generatorVersion) {
    this(basePackage, specFileName, generatorVersion, java.util.Optional.empty());
  }

  /**
   * An emitter whose Javadoc resolves the spec's relative links against {@code docsBaseUrl}.
   *
   * @param docsBaseUrl where relative links in descriptions point; without it they become their text
   */
  public JavaEmitter(String basePackage, String specFileName, String generatorVersion,
      java.util.Optional<java.net.URI> docsBaseUrl) {
    this.context = new EmitContext(basePackage, specFileName, generatorVersion, new JavadocText(docsBaseUrl));
  }

  /**
   * The client's files, in a fixed order. Each is built on its own from the immutable model by stateless emitters,
   * so a consumer may build them in parallel.
   */
  public List<JavaFile> emit(ApiModel api) {
    return files(api).toList();
  }

  /**
   * The client's files, each made when the stream reaches it (so that a writer can render and drop one before the
   * next exists), always in the same order.
   */
  public java.util.stream.Stream<JavaFile> files(ApiModel api) {
    JavaTypes types = new JavaTypes(context, api.types());
    List<Supplier<JavaFile>> jobs = new ArrayList<>();
    jobs.add(() -> context.file(context.basePackage(), new ClientEmitter(context).emit(api)));
    ServiceEmitter services = new ServiceEmitter(context, types);
    for (ServiceModel service : api.services()) {
      jobs.add(() -> context.file(context.servicePackage(), services.emit(service, api.clientName())));
      for (OperationModel operation : service.operations()) {
        jobs.add(() -> context.file(context.servicePackage(), services.emitParams(service, operation)));
        if (!operation.successVariants().isEmpty()) {
          jobs.add(() -> context.file(context.servicePackage(), new ResultEmitter(context, types).emit(operation)));
        }
      }
    }
    ModelEmitter models = new ModelEmitter(context, types);
    EnumEmitter enums = new EnumEmitter(context, new AdapterEmitter(context, types));
    for (TypeModel type : api.types()) {
      if (type instanceof ObjectModel object) {
        jobs.add(() -> context.file(context.modelPackage(), models.emit(object)));
      } else if (type instanceof EnumModel enumModel) {
        jobs.add(() -> context.file(context.modelPackage(), enums.emit(enumModel)));
      } else if (type instanceof UnionModel union) {
        jobs.add(() -> context.file(context.modelPackage(), new UnionEmitter(context, types).emit(union)));
      }
    }
    jobs.add(() -> context.file(context.modelPackage(), new AdapterFactoryEmitter(context).emit(api.types())));
    return jobs.stream().map(Supplier::get);
  }
}
