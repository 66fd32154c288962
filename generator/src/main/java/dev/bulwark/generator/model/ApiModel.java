package dev.bulwark.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * A whole API, ready to emit.
 *
 * @param clientName the simple name of the client class
 * @param specFileName the spec's file name, for generated headers
 * @param defaultBaseUrl the first server's absolute URL, if the spec has one
 * @param servers every server the spec lists at its root
 */
public record ApiModel(
    String title,
    String version,
    String description,
    String clientName,
    String specFileName,
    Optional<String> defaultBaseUrl,
    List<ServerModel> servers,
    List<SecuritySchemeModel> securitySchemes,
    List<TypeModel> types,
    List<ServiceModel> services) {

  public ApiModel {
    securitySchemes = List.copyOf(securitySchemes);
    servers = List.copyOf(servers);
    types = List.copyOf(types);
    services = List.copyOf(services);
  }
}
