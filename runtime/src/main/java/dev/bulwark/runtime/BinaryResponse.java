package dev.bulwark.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A binary download, streamed: the body is read from the network as the caller reads it, never held in memory whole.
 * Close it when done (try-with-resources, or {@code use {}} in Kotlin); {@link #bytes()} and {@link #writeTo(Path)}
 * close it themselves.
 *
 * <p>The call's retry policy covers everything up to the response headers. A connection that breaks while the body
 * is read fails the read: as an {@link IOException} from {@link #inputStream()}, or as the call's
 * {@link dev.bulwark.runtime.error.BulwarkException} from {@link #bytes()} and {@link #writeTo(Path)}.
 */
public final class BinaryResponse implements AutoCloseable {
  private final Response response;
  private final Function<IOException, RuntimeException> failures;

  BinaryResponse(Response response, Function<IOException, RuntimeException> failures) {
    this.response = response;
    this.failures = failures;
  }

  /** The HTTP status code. */
  public int statusCode() {
    return response.code();
  }

  /** The first value of a response header, by case-insensitive name, or {@code null}. */
  public @Nullable String header(String name) {
    return response.header(name);
  }

  /** The body's media type, or {@code null} when the server sent none. */
  public @Nullable String contentType() {
    return response.header("Content-Type");
  }

  /** The body's length in bytes, or -1 when the server did not say. */
  public long contentLength() {
    return response.body().contentLength();
  }

  /** The body as a stream; read it once, then close this response (closing the stream also does). */
  public InputStream inputStream() {
    return response.body().byteStream();
  }

  /** Reads the whole body into memory and closes the response; for bodies known to be small. */
  public byte[] bytes() {
    try (Response ignored = response) {
      return response.body().bytes();
    } catch (IOException e) {
      throw failures.apply(e);
    }
  }

  /**
   * Streams the body into a file, replacing it, and closes the response.
   *
   * @return the number of bytes written
   */
  public long writeTo(Path target) {
    try (Response ignored = response; InputStream in = response.body().byteStream()) {
      return Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw failures.apply(e);
    }
  }

  /** Streams the body into {@code out} (which stays open) and closes the response; returns the bytes copied. */
  public long writeTo(OutputStream out) {
    try (Response ignored = response; InputStream in = response.body().byteStream()) {
      return in.transferTo(out);
    } catch (IOException e) {
      throw failures.apply(e);
    }
  }

  /** Releases the connection; unread content is discarded. Idempotent. */
  @Override
  public void close() {
    response.close();
  }

  @Override
  public String toString() {
    return "BinaryResponse{statusCode=" + statusCode() + ", contentType=" + contentType() + ", contentLength="
        + contentLength() + "}";
  }
}
