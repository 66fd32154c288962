package dev.bulwark.runtime.telemetry;

import java.util.Objects;

/**
 * The logical call an event is about, the same for all its attempts.
 *
 * @param clientName the generated client's name, such as {@code PetStoreClient}
 * @param operationId the spec's operation id, such as {@code getPet}
 * @param method the HTTP method
 * @param urlTemplate the path as the spec writes it, such as {@code /pets/{petId}}: low-cardinality, for metrics
 * @param serverAddress the host the call goes to
 * @param serverPort the port the call goes to
 * @param correlationId the id the call carries on every attempt (the correlation header, when sent), for finding its
 *     attempts in the server's logs and in this client's
 */
public record CallInfo(String clientName, String operationId, String method, String urlTemplate,
    String serverAddress, int serverPort, String correlationId) {

  public CallInfo {
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(urlTemplate, "urlTemplate");
    Objects.requireNonNull(serverAddress, "serverAddress");
    Objects.requireNonNull(correlationId, "correlationId");
  }
}
