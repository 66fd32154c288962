package dev.bulwark.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * One operation: an HTTP method on a path.
 *
 * @param operationId the spec's operationId, or one derived from method and path when the spec has none
 * @param methodName the lowerCamelCase Java method name, unique within its service
 * @param paramsClassName the simple name of the operation's parameters class, unique in the service package
 * @param httpMethod the HTTP method in upper case
 * @param path the path template as the spec writes it
 * @param responseType the type of the success response body; empty when the operation returns no JSON content
 * @param securitySchemes the names of the security schemes whose credentials the operation sends
 * @param resilience retry, timeout and idempotency settings from the spec's extensions
 * @param responseMayBeEmpty whether a success may come without content (another 2xx declares none), so that the
 *     method's result is nullable
 * @param successVariants one entry per 2xx status with content, when those statuses declare different types (the
 *     method then returns a sealed result type); empty when they agree
 * @param resultClassName the simple name of that result type, unique in the service package; empty without variants
 * @param errorTypes the body types the spec declares for error statuses
 * @param errorEnvelope where the API puts its error code and message, when the spec says
 * @param pagination how the operation's pages follow each other, when the spec says
 * @param stream the operation's server-sent event stream, when a success response is {@code text/event-stream}
 * @param server the server the operation or its path names (variables at their defaults), when the spec names one
 * @param accept the {@code Accept} header for success media types other than JSON (such as {@code text/plain}); empty
 *     for JSON, the runtime's default
 * @param alternativeOf for a method that sends the body in another kind the spec offers (a form, multipart), the
 *     method that sends it in the first kind; empty for that one
 */
public record OperationModel(
    String operationId,
    String methodName,
    String paramsClassName,
    String httpMethod,
    String path,
    String summary,
    String description,
    boolean deprecated,
    List<ParameterModel> parameters,
    Optional<BodyModel> body,
    Optional<TypeRef> responseType,
    boolean responseMayBeEmpty,
    List<SuccessVariant> successVariants,
    String resultClassName,
    List<String> securitySchemes,
    ResilienceModel resilience,
    List<ErrorModel.DeclaredType> errorTypes,
    Optional<ErrorModel.Envelope> errorEnvelope,
    Optional<PaginationModel> pagination,
    Optional<StreamModel> stream,
    Optional<String> server,
    String accept,
    Optional<Primary> alternativeOf) {

  public OperationModel {
    parameters = List.copyOf(parameters);
    errorTypes = List.copyOf(errorTypes);
    successVariants = List.copyOf(successVariants);
    securitySchemes = List.copyOf(securitySchemes);
  }

  /** This operation with its pagination resolved. */
  public OperationModel withPagination(PaginationModel pagination) {
    return new OperationModel(operationId, methodName, paramsClassName, httpMethod, path, summary, description,
        deprecated, parameters, body, responseType, responseMayBeEmpty, successVariants, resultClassName,
        securitySchemes, resilience, errorTypes, errorEnvelope, Optional.of(pagination), stream, server, accept,
        alternativeOf);
  }

  /** The method of an operation that sends its body in the first kind the spec offers, and that kind's media type. */
  public record Primary(String methodName, String mediaType) {}

  /** The body type of one 2xx status ({@code 201}, or a class such as {@code 2XX}). */
  public record SuccessVariant(String status, TypeRef type) {}

  /**
   * The parameters the caller must give, in spec order: the required ones (path parameters are always among them)
   * but those with a fixed value, which the parameters builder sets.
   */
  public List<ParameterModel> requiredParameters() {
    return parameters.stream().filter(parameter -> parameter.required() && parameter.fixedValue().isEmpty()).toList();
  }
}
