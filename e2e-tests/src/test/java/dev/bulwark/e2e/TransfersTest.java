package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.e2e.petstore.PetStoreClient;
import dev.bulwark.e2e.petstore.model.AddPetDocumentMetadata;
import dev.bulwark.e2e.petstore.service.AddPetDocumentParams;
import dev.bulwark.runtime.BinaryBody;
import dev.bulwark.runtime.BinaryResponse;
import dev.bulwark.runtime.error.ConnectionException;
import dev.bulwark.runtime.error.ServerErrorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed uploads (bytes, file, stream), multipart bodies and streamed downloads, against MockWebServer. */
class TransfersTest {
  private static final int MIB = 1024 * 1024;

  private final FakeTime time = new FakeTime();
  private final MockWebServer server = new MockWebServer();
  private PetStoreClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = PetStoreClient.builder().baseUrl(server.url("/").toString()).sleeper(time.sleeper())
        .ticker(time.ticker()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  private static byte[] sha256(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  @Test
  void aFileIsUploadedWithItsLengthAndRetriedWhole(@TempDir Path dir) throws Exception {
    byte[] content = random(5 * MIB);
    Path file = Files.write(dir.resolve("photo.png"), content);
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.pets().uploadPetPhoto(7L, BinaryBody.of(file));

    assertThat(server.getRequestCount()).isEqualTo(2);
    server.takeRequest();
    RecordedRequest retried = server.takeRequest();
    assertThat(retried.getHeaders().get("Content-Type")).isEqualTo("image/png");
    assertThat(retried.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(content.length));
    assertThat(sha256(retried.getBody().toByteArray())).isEqualTo(sha256(content));
  }

  @Test
  void aStreamIsSentOnceAndNeverRetriedAfterItWasRead() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    InputStream stream = new ByteArrayInputStream(random(64 * 1024));

    assertThatThrownBy(() -> client.pets().uploadPetPhoto(7L, BinaryBody.of(stream).withContentType("image/webp")))
        .isInstanceOf(ServerErrorException.class);

    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("image/webp");
    assertThat(sent.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(sent.getBody().size()).isEqualTo(64 * 1024);
  }

  @Test
  void multipartBodiesCarryFilesTextAndJsonParts() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"files\": 3}").build());

    int files = client.pets().addPetDocument(AddPetDocumentParams.builder()
        .petId(7L)
        .file(BinaryBody.of("%PDF-1.7".getBytes()).withFileName("record.pdf").withContentType("application/pdf"))
        .extra(List.of(BinaryBody.of(new byte[] {1}).withFileName("a.bin"), BinaryBody.of(new byte[] {2})))
        .caption("Vaccinations, 2026")
        .pages(2)
        .metadata(AddPetDocumentMetadata.builder().vet("Dr. Ames").build())
        .build()).getFiles();

    assertThat(files).isEqualTo(3);
    RecordedRequest request = server.takeRequest();
    String contentType = request.getHeaders().get("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    List<String> parts = new ArrayList<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()),
        contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()))) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        parts.add(part.headers().get("Content-Disposition") + " | " + part.headers().get("Content-Type") + " | "
            + part.body().readUtf8());
      }
    }
    assertThat(parts).containsExactly(
        "form-data; name=\"file\"; filename=\"record.pdf\" | application/pdf | %PDF-1.7",
        "form-data; name=\"extra\"; filename=\"a.bin\" | application/octet-stream | \u0001",
        "form-data; name=\"extra\"; filename=\"extra\" | application/octet-stream | \u0002",
        "form-data; name=\"caption\" | null | Vaccinations, 2026",
        "form-data; name=\"pages\" | null | 2",
        "form-data; name=\"metadata\" | application/json; charset=utf-8 | {\"vet\":\"Dr. Ames\"}");
  }

  @Test
  void aDownloadIsHandedOverBeforeItsBodyHasArrived(@TempDir Path dir) throws Exception {
    byte[] head = random(64 * 1024);
    byte[] tail = random(3 * MIB);
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png").body(new MockResponseBody() {
      @Override
      public long getContentLength() {
        return head.length + tail.length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(head).flush();
        try {
          // The rest waits until the client has its response in hand: proof that nothing buffered the whole body.
          if (!release.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the client never asked for the rest");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        sink.write(tail).flush();
      }
    }).build());

    try (BinaryResponse photo = client.pets().getPetPhoto(7L)) {
      assertThat(photo.contentType()).isEqualTo("image/png");
      assertThat(photo.contentLength()).isEqualTo(head.length + tail.length);
      byte[] start = photo.inputStream().readNBytes(1024);
      assertThat(start).isEqualTo(java.util.Arrays.copyOf(head, 1024));
      release.countDown();
      Path target = dir.resolve("photo.png");
      assertThat(photo.writeTo(target)).isEqualTo(head.length - 1024 + tail.length);
      byte[] rest = Files.readAllBytes(target);
      assertThat(java.util.Arrays.copyOfRange(rest, head.length - 1024, rest.length)).isEqualTo(tail);
    }
    assertThat(server.takeRequest().getHeaders().get("Accept")).isEqualTo("image/png");
  }

  @Test
  void aDownloadIsRetriedBeforeItsHeadersAndFailsClearlyMidBody(@TempDir Path dir) {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png")
        .body(new Buffer().write(random(256 * 1024))).onResponseBody(new SocketEffect.CloseSocket()).build());

    BinaryResponse photo = client.pets().getPetPhoto(7L);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThatThrownBy(() -> photo.writeTo(dir.resolve("partial.png")))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("getPetPhoto");
  }
}
