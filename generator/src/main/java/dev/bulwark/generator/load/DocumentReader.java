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
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
      AliasCounter counted = new AliasCounter(parser);
      JsonNode tree = YAML.readTree(counted);
      if (counted.aliases == 0) {
        return new Document(orMissing(tree), false);
      }
    }
    return new Document(orMissing(withAliases(file)), false);
  }

  /**
   * A YAML document that uses anchors and aliases, read by SnakeYAML so that each alias stands for its anchor's value
   * (Jackson's YAML reader gives the anchor's name instead), within SnakeYAML's limit on aliases: a billion-laughs
   * document fails at once instead of expanding for minutes.
   */
  private static JsonNode withAliases(Path file) throws IOException {
    org.yaml.snakeyaml.LoaderOptions options = largeDocuments();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
        options));
    try (java.io.Reader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      return JSON.valueToTree(yaml.load(reader));
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      String message = String.valueOf(e.getMessage());
      throw new IOException(message.contains("aliases")
          ? "the document uses more than " + MAX_ALIASES + " YAML aliases of collections (a billion-laughs"
              + " document expands to gigabytes): " + message.lines().findFirst().orElse(message)
          : message.lines().findFirst().orElse(message), e);
    }
  }

  /** SnakeYAML's own default: more aliases of collections than this is an attack, not a spec. */
  private static final int MAX_ALIASES = 50;

  /** Counts the aliases a YAML document uses as Jackson reads it. */
  private static final class AliasCounter extends com.fasterxml.jackson.core.util.JsonParserDelegate {
    private final YAMLParser yaml;
    int aliases;

    AliasCounter(YAMLParser yaml) {
      super(yaml);
      this.yaml = yaml;
    }

    @Override
    public com.fasterxml.jackson.core.JsonToken nextToken() throws IOException {
      com.fasterxml.jackson.core.JsonToken token = super.nextToken();
      if (yaml.isCurrentAlias()) {
        aliases++;
      }
      return token;
    }
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
