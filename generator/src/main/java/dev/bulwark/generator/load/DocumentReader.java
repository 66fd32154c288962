package dev.bulwark.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON or YAML document into a Jackson tree, which swagger-parser then deserialises without reading the file
 * again. JSON goes through Jackson's JSON parser, several times faster than reading it as YAML; YAML's code point limit
 * is lifted because real specs exceed SnakeYAML's 3 MB default.
 */
final class DocumentReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .loaderOptions(largeDocuments())
      .build());

  private DocumentReader() {}

  static JsonNode read(Path file) throws IOException {
    if (looksLikeJson(file)) {
      try {
        return orMissing(JSON.readTree(file.toFile()));
      } catch (IOException notJson) {
        // YAML flow style also starts with '{': the YAML reader decides, and reports the line if it fails too.
      }
    }
    return orMissing(YAML.readTree(file.toFile()));
  }

  private static JsonNode orMissing(JsonNode node) {
    return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
  }

  private static boolean looksLikeJson(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      for (int c = in.read(); c != -1; c = in.read()) {
        if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
          return c == '{' || c == '[';
        }
      }
    }
    return false;
  }

  private static org.yaml.snakeyaml.LoaderOptions largeDocuments() {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }
}
