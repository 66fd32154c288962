package dev.bulwark.generator.emit;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Spec text as Javadoc. Descriptions are CommonMark and become the HTML that Javadoc renders; names and values are
 * shown as written. Whatever the text holds, the result cannot end its comment, start a block or inline tag, or carry
 * a Unicode escape (javac reads the escape of a star before a slash as the end of the comment), and it passes
 * {@code javac -Xdoclint:all}: raw HTML in a description is shown, not interpreted, headings become bold paragraphs
 * (doclint wants a member's headings to follow its page's), and a relative link resolves against the base the user
 * gave, or is left as its text.
 */
final class JavadocText {
  private static final Parser PARSER = Parser.builder().build();
  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
  private static final java.util.regex.Pattern BLOCK_START =
      java.util.regex.Pattern.compile("<(p|ul|ol|pre|blockquote|hr|table|h\\d)[ >]");

  private final Optional<URI> linkBase;
  private final HtmlRenderer renderer;

  /** @param linkBase where a relative link in a description points, such as {@code https://docs.example.com} */
  JavadocText(Optional<URI> linkBase) {
    // URI.resolve joins a relative path straight onto a base without a path ("https://a.example" + "b").
    this.linkBase = linkBase.map(base -> base.getRawPath() == null || base.getRawPath().isEmpty()
        ? URI.create(base + "/") : base);
    this.renderer = HtmlRenderer.builder()
        .escapeHtml(true)
        .sanitizeUrls(true)
        .nodeRendererFactory(JavadocNodes::new)
        .build();
  }

  /** A description: CommonMark rendered to Javadoc HTML, first paragraph bare, later ones as {@code <p>}. */
  String markdown(String text) {
    if (text.isBlank()) {
      return "";
    }
    Node document = PARSER.parse(text);
    return commentSafe(renderer.render(document).strip());
  }

  /**
   * A description as a paragraph after others: {@link #markdown} with a {@code <p>} before it, unless it starts
   * with a block of its own (a list, a heading, code), which an empty {@code <p>} would precede.
   */
  String paragraph(String text) {
    String html = markdown(text);
    return html.isEmpty() || BLOCK_START.matcher(html).lookingAt() ? html : "<p>" + html;
  }

  /** Text shown as written, such as a name or URL in running prose. */
  String plain(String text) {
    return commentSafe(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
  }

  /**
   * A value as inline code: {@code {@code text}} where that shows it exactly (braces paired, one line, nothing
   * that must be escaped), otherwise a {@code <code>} element with entities.
   */
  String code(String text) {
    int depth = 0;
    for (int i = 0; i < text.length() && depth >= 0; i++) {
      depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
    }
    boolean literal = depth == 0 && text.chars().noneMatch(c -> c == '@' || c == '\\' || c == '\n' || c == '\r')
        && !text.contains("*/") && !text.isBlank();
    if (literal) {
      return "{@code " + text + "}";
    }
    return "<code>" + plain(text).replace("{", "&#123;").replace("}", "&#125;").replace("\n", " ")
        .replace("\r", " ") + "</code>";
  }

  /**
   * What no text may carry into a comment: an end of comment, an {@code @} that would start a tag, a backslash
   * that javac could read as the start of a Unicode escape.
   */
  private static String commentSafe(String html) {
    return html.replace("\\", "&#92;").replace("@", "&#64;").replace("*/", "*&#47;").replace("\r", "");
  }

  /** Renders the nodes whose default HTML Javadoc does not take as it is. */
  private final class JavadocNodes implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    JavadocNodes(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Paragraph.class, Heading.class, Link.class, Image.class, HardLineBreak.class,
          ThematicBreak.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof Paragraph paragraph) {
        paragraph(paragraph);
      } else if (node instanceof Heading heading) {
        block(heading, "strong");
      } else if (node instanceof Link link) {
        link(link.getDestination(), link);
      } else if (node instanceof Image image) {
        // An image cannot be shown in an IDE's tooltip; its description is, linked to the picture.
        link(image.getDestination(), image);
      } else if (node instanceof HardLineBreak) {
        html.raw("<br>");
        html.line();
      } else if (node instanceof ThematicBreak) {
        html.line();
        html.raw("<hr>");
        html.line();
      }
    }

    private void paragraph(Paragraph paragraph) {
      boolean first = paragraph.getParent() instanceof Document && paragraph.getPrevious() == null;
      boolean tight = !(paragraph.getParent() instanceof Document)
          && paragraph.getParent().getParent() instanceof org.commonmark.node.ListBlock list && list.isTight();
      if (tight) {
        children(paragraph);
        return;
      }
      if (first) {
        children(paragraph);
        html.line();
        return;
      }
      html.line();
      html.tag("p");
      children(paragraph);
      html.tag("/p");
      html.line();
    }

    private void block(Node node, String emphasis) {
      html.line();
      html.tag("p");
      html.tag(emphasis);
      children(node);
      html.tag("/" + emphasis);
      html.tag("/p");
      html.line();
    }

    private void link(String destination, Node node) {
      Optional<String> target = target(destination);
      if (target.isEmpty()) {
        children(node);
        return;
      }
      html.tag("a", Map.of("href", context.encodeUrl(target.get())));
      children(node);
      html.tag("/a");
    }

    private void children(Node parent) {
      for (Node child = parent.getFirstChild(); child != null; ) {
        Node next = child.getNext();
        context.render(child);
        child = next;
      }
    }
  }

  /** Where a link in a description goes: absolute web and mail links as they are, relative ones against the base. */
  private Optional<String> target(String destination) {
    URI uri;
    try {
      uri = new URI(destination.strip());
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
    if (uri.getScheme() != null) {
      return LINK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) ? Optional.of(uri.toString())
          : Optional.empty();
    }
    if (destination.isBlank() || destination.startsWith("#")) {
      return Optional.empty();
    }
    return linkBase.map(base -> base.resolve(uri).toString());
  }
}
