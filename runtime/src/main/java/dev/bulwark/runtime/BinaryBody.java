package dev.bulwark.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;

/**
 * Binary content to upload: a request body of {@code application/octet-stream} (or another binary media type), or a
 * file part of a {@code multipart/form-data} body. Content from a file or a stream is streamed, never loaded into
 * memory whole.
 *
 * <p>Bytes and files can be sent again, so calls carrying them retry as usual. A stream can be read only once: a call
 * carrying one is retried only when the connection failed before anything was sent.
 */
public final class BinaryBody {
  private final @Nullable byte[] bytes;
  private final @Nullable Path file;
  private final @Nullable InputStream stream;
  private final long length;
  private final @Nullable String fileName;
  private final @Nullable String contentType;

  private BinaryBody(@Nullable byte[] bytes, @Nullable Path file, @Nullable InputStream stream, long length,
      @Nullable String fileName, @Nullable String contentType) {
    this.bytes = bytes;
    this.file = file;
    this.stream = stream;
    this.length = length;
    this.fileName = fileName;
    this.contentType = contentType;
  }

  /** These bytes. */
  public static BinaryBody of(byte[] bytes) {
    return new BinaryBody(Objects.requireNonNull(bytes, "bytes"), null, null, bytes.length, null, null);
  }

  /** The file's content, read while sending; the file name becomes the part's file name in multipart bodies. */
  public static BinaryBody of(Path file) {
    Objects.requireNonNull(file, "file");
    return new BinaryBody(null, file, null, -1, file.getFileName() == null ? null : file.getFileName().toString(),
        null);
  }

  /** The stream's content, read once while sending and closed afterwards; its length is unknown (chunked). */
  public static BinaryBody of(InputStream stream) {
    return of(stream, -1);
  }

  /** The stream's content, of a known length in bytes (sent with a {@code Content-Length}). */
  public static BinaryBody of(InputStream stream, long length) {
    return new BinaryBody(null, null, Objects.requireNonNull(stream, "stream"), length, null, null);
  }

  /** The same content with this file name, for a multipart file part. */
  public BinaryBody withFileName(String fileName) {
    return new BinaryBody(bytes, file, stream, length, Objects.requireNonNull(fileName, "fileName"), contentType);
  }

  /** The same content with this media type instead of the one the spec declares. */
  public BinaryBody withContentType(String contentType) {
    MediaType.get(contentType);
    return new BinaryBody(bytes, file, stream, length, fileName, contentType);
  }

  /** The file name sent in a multipart part, or {@code null}. */
  public @Nullable String fileName() {
    return fileName;
  }

  /** The media type set with {@link #withContentType}, or {@code null} for the spec's. */
  public @Nullable String contentType() {
    return contentType;
  }

  /** Whether the content can be sent again (bytes and files can; streams cannot). */
  public boolean repeatable() {
    return stream == null;
  }

  RequestBody toRequestBody(@Nullable MediaType declared) {
    MediaType type = contentType != null ? MediaType.get(contentType) : declared;
    if (bytes != null) {
      return RequestBody.create(bytes, type);
    }
    if (file != null) {
      return new RequestBody() {
        @Override
        public @Nullable MediaType contentType() {
          return type;
        }

        @Override
        public long contentLength() throws IOException {
          return Files.size(file);
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
          try (Source source = Okio.source(file)) {
            sink.writeAll(source);
          }
        }
      };
    }
    InputStream in = Objects.requireNonNull(stream);
    return new RequestBody() {
      @Override
      public @Nullable MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        try (Source source = Okio.source(in)) {
          sink.writeAll(source);
        }
      }
    };
  }

  @Override
  public String toString() {
    String what = bytes != null ? bytes.length + " bytes" : file != null ? "file " + file : "a stream";
    return "BinaryBody{" + what + (fileName == null ? "" : ", fileName=" + fileName) + "}";
  }
}
