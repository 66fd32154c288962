package dev.bulwark.generator.model;

import java.util.List;

/**
 * The operations of one tag, emitted as one service class reached from the client.
 *
 * @param className the simple class name in the service package
 * @param accessorName the client method that returns the service
 * @param tag the spec's tag, or empty for the service of untagged operations
 */
public record ServiceModel(
    String className, String accessorName, String tag, String description, List<OperationModel> operations) {
  public ServiceModel {
    operations = List.copyOf(operations);
  }
}
