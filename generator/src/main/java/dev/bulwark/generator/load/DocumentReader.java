package dev.bulwark.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON or YAML document into a Jackson tree, which swagger-parser then deserialises without reading the file
 * again. JSON goes through Jackson's JSON parser, several times faster than reading it as YAML; YAML's code point limit
 * is lifted because real specs exceed SnakeYAML's 3 MB default.
 *
 * <p>YAML is read about twice as fast as by the parser's own YAML reading, with the same values (an empty value is
 * {@code null}, {@code yes} is {@code true}) but one: {@code 18:00} stays a string rather than becoming YAML 1.1's
 * sexagesimal number 1080.
 */
final class DocumentReader {
  /** The parser's own JSON reader, so that the tree is exactly what it would read itself. */
  private static final ObjectMapper JSON = io.swagger.v3.core.util.Json.mapper();
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .loaderOptions(largeDocuments())
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .build());

  private DocumentReader() {}

  /** A document as read, and whether it was JSON. */
  record Document(JsonNode tree, boolean json) {}

  static Document read(Path file) throws IOException {
    if (looksLikeJson(file)) {
      try {
        return new Document(orMissing(JSON.readTree(file.toFile())), true);
      } catch (IOException notJson) {
        // YAML flow style also starts with '{': the YAML reader decides, and reports the line if it fails too.
      }
    }
    return new Document(orMissing(YAML.readTree(file.toFile())), false);
  }

  /** A streaming parser over the document, JSON or YAML as {@link #read} would take it, with locations. */
  static com.fasterxml.jackson.core.JsonParser parser(Path file) throws IOException {
    if (looksLikeJson(file)) {
      return JSON.getFactory().createParser(file.toFile());
    }
    return YAML.getFactory().createParser(file.toFile());
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
