package dev.bulwark.generator.model;

import java.util.List;

/**
 * The operations of one tag, or of one resource where the spec's tags do not group them, emitted as one service
 * class reached from the client.
 *
 * @param className the simple class name in the service package
 * @param accessorName the client method that returns the service
 * @param tag the spec's tag, or empty for a service of operations grouped by resource
 * @param resource the first path segment its operations share ({@code customers} for {@code /v1/customers/{id}}),
 *     for a service grouped by resource; empty otherwise, and for operations on the root path
 */
public record ServiceModel(
    String className, String accessorName, String tag, String resource, String description,
    List<OperationModel> operations) {
  public ServiceModel {
    operations = List.copyOf(operations);
  }

  /** This service with other operations. */
  public ServiceModel withOperations(List<OperationModel> others) {
    return new ServiceModel(className, accessorName, tag, resource, description, others);
  }
}
