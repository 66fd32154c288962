package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  private static SseReader reader(String text) {
    return new SseReader(new Buffer().writeUtf8(text));
  }

  @Test
  void fieldsAreReadAsTheHtmlStandardSays() throws IOException {
    SseReader reader = reader(": comment\r\nevent: update\r\nid: 42\r\nretry: 1500\r\ndata:first\r\ndata: second\r\n\r\n"
        + "data\n\nid: 43\nevent: ignored-without-data\n\ndata: last\n\n");
    assertThat(reader.next()).isEqualTo(new ServerSentEvent("update", "first\nsecond", "42", 1500L));
    assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "", "42", null));
    assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "last", "43", null));
    assertThat(reader.next()).isNull();
  }

  @Test
  void anUnfinishedLastEventIsDroppedAndTheFirstEventReadAheadKeepsEveryByte() throws IOException {
    assertThat(reader("data: complete\n\ndata: cut off").next()).isEqualTo(
        new ServerSentEvent("message", "complete", null, null));
    Buffer source = new Buffer().writeUtf8(": hello\n\nevent: a\ndata: 1\n\ndata: 2\n\n");
    Buffer first = SseReader.readFirstEvent(source);
    assertThat(first.readUtf8()).isEqualTo(": hello\n\nevent: a\ndata: 1\n\n");
    assertThat(source.readUtf8()).isEqualTo("data: 2\n\n");
  }
}
