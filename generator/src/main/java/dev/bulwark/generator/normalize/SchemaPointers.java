package dev.bulwark.generator.normalize;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the schema a local {@code $ref} points at anywhere in the document, not only at {@code
 * #/components/schemas/Name}: a property of a component ({@code .../Pet/properties/name}), the schema of a shared
 * response ({@code #/components/responses/Conflict/content/application~1json/schema}), of a parameter, of a request
 * body, or under a path. JSON Reference allows all of them, and real specs use them (pagerduty.json refers to one
 * response's schema two thousand times).
 */
final class SchemaPointers {
  private static final int MAX_HOPS = 32;

  private final OpenAPI api;
  private final java.util.Map<String, Schema<?>> definitions;

  SchemaPointers(OpenAPI api) {
    this(api, java.util.Map.of());
  }

  /** @param definitions the {@code $defs} schemas, by JSON pointer, which the parser's model does not hold */
  SchemaPointers(OpenAPI api, java.util.Map<String, Schema<?>> definitions) {
    this.api = api;
    this.definitions = definitions;
  }

  /** The schema at a local reference such as {@code #/components/parameters/kind/schema}; null if there is none. */
  Schema<?> find(String ref) {
    return find(ref, 0);
  }

  private Schema<?> find(String ref, int depth) {
    if (ref == null || !ref.startsWith("#/") || depth > MAX_HOPS) {
      return null;
    }
    Schema<?> definition = definitions.get(ref.substring(1));
    if (definition != null) {
      return definition;
    }
    Object node = api;
    for (String encoded : ref.substring(2).split("/", -1)) {
      node = node == null ? null : child(follow(node, depth), decode(encoded));
    }
    return node instanceof Schema<?> schema ? schema : null;
  }

  /**
   * What a node stands for on the way down a pointer: a response, parameter, request body, header or schema used by
   * reference is its target, so that a pointer may pass through one.
   */
  private Object follow(Object node, int depth) {
    Components components = api.getComponents();
    for (int hops = 0; hops < MAX_HOPS && node != null; hops++) {
      if (node instanceof Schema<?> schema) {
        return schema.get$ref() == null ? schema : find(schema.get$ref(), depth + 1);
      }
      String ref = node instanceof ApiResponse response ? response.get$ref()
          : node instanceof Parameter parameter ? parameter.get$ref()
          : node instanceof RequestBody body ? body.get$ref()
          : node instanceof Header header ? header.get$ref()
          : null;
      if (ref == null || components == null) {
        return ref == null ? node : null;
      }
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      node = node instanceof ApiResponse ? get(components.getResponses(), name)
          : node instanceof Parameter ? get(components.getParameters(), name)
          : node instanceof RequestBody ? get(components.getRequestBodies(), name)
          : get(components.getHeaders(), name);
    }
    return null;
  }

  private static Object child(Object node, String key) {
    if (node == null) {
      return null;
    }
    if (node instanceof OpenAPI root) {
      return switch (key) {
        case "components" -> root.getComponents();
        case "paths" -> root.getPaths();
        default -> null;
      };
    }
    if (node instanceof Components components) {
      return switch (key) {
        case "schemas" -> components.getSchemas();
        case "responses" -> components.getResponses();
        case "parameters" -> components.getParameters();
        case "requestBodies" -> components.getRequestBodies();
        case "headers" -> components.getHeaders();
        default -> null;
      };
    }
    if (node instanceof PathItem path) {
      if (key.equals("parameters")) {
        return path.getParameters();
      }
      return path.readOperationsMap().get(methodOf(key));
    }
    if (node instanceof Operation operation) {
      return switch (key) {
        case "parameters" -> operation.getParameters();
        case "requestBody" -> operation.getRequestBody();
        case "responses" -> operation.getResponses();
        default -> null;
      };
    }
    if (node instanceof ApiResponse response) {
      return key.equals("content") ? response.getContent() : key.equals("headers") ? response.getHeaders() : null;
    }
    if (node instanceof RequestBody body) {
      return key.equals("content") ? body.getContent() : null;
    }
    if (node instanceof Parameter parameter) {
      return key.equals("schema") ? parameter.getSchema() : key.equals("content") ? parameter.getContent() : null;
    }
    if (node instanceof Header header) {
      return key.equals("schema") ? header.getSchema() : key.equals("content") ? header.getContent() : null;
    }
    if (node instanceof MediaType media) {
      return key.equals("schema") ? media.getSchema() : null;
    }
    if (node instanceof Schema<?> schema) {
      return switch (key) {
        case "properties" -> schema.getProperties();
        case "items" -> schema.getItems();
        case "additionalProperties" -> schema.getAdditionalProperties() instanceof Schema<?> value ? value : null;
        case "allOf" -> schema.getAllOf();
        case "anyOf" -> schema.getAnyOf();
        case "oneOf" -> schema.getOneOf();
        case "not" -> schema.getNot();
        default -> null;
      };
    }
    if (node instanceof Map<?, ?> map) {
      return map.get(key);
    }
    if (node instanceof List<?> list) {
      try {
        int index = Integer.parseInt(key);
        return index >= 0 && index < list.size() ? list.get(index) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * A readable class name for the schema at a reference, from its meaningful segments: {@code ConflictResponse} for a
   * shared response's schema, {@code PetOwner} for a property of a component, {@code KindParameter} for a parameter's.
   */
  static String contextName(String ref) {
    StringBuilder name = new StringBuilder();
    String suffix = "";
    String[] segments = ref.substring(ref.indexOf('/') + 1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = decode(segments[i]);
      switch (segment) {
        case "components", "schemas", "paths", "properties", "content", "schema", "allOf", "anyOf", "oneOf" -> { }
        case "responses" -> suffix = "Response";
        case "requestBodies", "requestBody" -> suffix = "Request";
        case "parameters" -> suffix = "Parameter";
        case "items" -> name.append("Item");
        case "additionalProperties" -> name.append("Value");
        default -> {
          boolean mediaType = segment.contains("/") && i > 0 && decode(segments[i - 1]).equals("content");
          if (!mediaType) {
            name.append(dev.bulwark.generator.naming.Names.upperCamel(segment));
          }
        }
      }
    }
    return name + suffix;
  }

  private static PathItem.HttpMethod methodOf(String key) {
    try {
      return PathItem.HttpMethod.valueOf(key.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static <T> T get(Map<String, T> map, String name) {
    return map == null ? null : map.get(name);
  }

  /** A pointer segment as a key: percent-decoded (it comes from a URI fragment), then {@code ~1} and {@code ~0}. */
  private static String decode(String segment) {
    String text = segment;
    if (segment.indexOf('%') >= 0) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c == '%' && i + 2 < segment.length() && Character.digit(segment.charAt(i + 1), 16) >= 0
            && Character.digit(segment.charAt(i + 2), 16) >= 0) {
          bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
          i += 2;
        } else {
          bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
      }
      text = bytes.toString(StandardCharsets.UTF_8);
    }
    return text.replace("~1", "/").replace("~0", "~");
  }
}
