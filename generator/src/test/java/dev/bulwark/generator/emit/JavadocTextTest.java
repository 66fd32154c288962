package dev.bulwark.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Descriptions as the Javadoc HTML a reader sees in an IDE: CommonMark rendered, links resolved, nothing live. */
class JavadocTextTest {
  private final JavadocText withoutBase = new JavadocText(Optional.empty());
  private final JavadocText withBase = new JavadocText(Optional.of(URI.create("https://platform.example.com")));

  @Test
  void markdownBecomesHtmlWithTheFirstParagraphBare() {
    assertThat(withoutBase.markdown("Creates a **model** response.\n\nSee `model` for\n- one\n- two"))
        .isEqualTo("Creates a <strong>model</strong> response.\n<p>See <code>model</code> for</p>\n"
            + "<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
  }

  @Test
  void aLaterParagraphGetsItsPOnlyWhereItDoesNotStartABlock() {
    assertThat(withoutBase.paragraph("Plain text.")).isEqualTo("<p>Plain text.");
    assertThat(withoutBase.paragraph("# Title\n\nText")).isEqualTo("<p><strong>Title</strong></p>\n<p>Text</p>");
    assertThat(withoutBase.paragraph("- one")).isEqualTo("<ul>\n<li>one</li>\n</ul>");
    assertThat(withoutBase.paragraph("")).isEmpty();
  }

  @Test
  void relativeLinksResolveAgainstTheBaseOrBecomeTheirText() {
    String text = "Read [the guide](/docs/guides/text) and [errors](errors#codes), or [the site](https://example.com/a?b=1&c=2).";
    assertThat(withBase.markdown(text)).isEqualTo("Read <a href=\"https://platform.example.com/docs/guides/text\">the"
        + " guide</a> and <a href=\"https://platform.example.com/errors#codes\">errors</a>, or"
        + " <a href=\"https://example.com/a?b=1&amp;c=2\">the site</a>.");
    assertThat(withoutBase.markdown(text)).isEqualTo("Read the guide and errors, or"
        + " <a href=\"https://example.com/a?b=1&amp;c=2\">the site</a>.");
    assertThat(withBase.markdown("[x](javascript:alert(1)) [y](#anchor)")).isEqualTo("x y");
  }

  @Test
  void rawHtmlAndPlaceholdersAreShownNotInterpreted() {
    assertThat(withoutBase.markdown("Replace <placeholder> with your key.<br/>Then <script>run()</script>"))
        .isEqualTo("Replace &lt;placeholder&gt; with your key.&lt;br/&gt;Then &lt;script&gt;run()&lt;/script&gt;");
  }

  @Test
  void headingsImagesAndBreaksTakeShapesDoclintAccepts() {
    assertThat(withoutBase.markdown("Intro\n\n## Usage\n\n![diagram](https://example.com/d.png)  \nnext\n\n---"))
        .isEqualTo("Intro\n<p><strong>Usage</strong></p>\n"
            + "<p><a href=\"https://example.com/d.png\">diagram</a><br>\nnext</p>\n<hr>");
  }

  @Test
  void noTextCanEndTheCommentOrStartATag() {
    String backslash = "\\";
    String hostile = "a */ b " + backslash + "u002a/ c " + backslash + backslash + "u002a/ @param x {@link Y}";
    for (String rendered : new String[] {withoutBase.markdown(hostile), withoutBase.plain(hostile),
        withoutBase.code(hostile), withoutBase.markdown("```\n" + hostile + "\n```")}) {
      assertThat(rendered).doesNotContain("*/").doesNotContain(backslash).doesNotContain("@");
    }
    assertThat(withoutBase.code("GET /pets/{id}")).isEqualTo("{@code GET /pets/{id}}");
    assertThat(withoutBase.code("{\"a\": \"@\"}")).isEqualTo("<code>&#123;\"a\": \"&#64;\"&#125;</code>");
  }
}
