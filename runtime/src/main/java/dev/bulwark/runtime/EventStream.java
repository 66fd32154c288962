package dev.bulwark.runtime;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The typed events of a {@code text/event-stream} response, read as iteration asks for them. The connection stays
 * open until the stream ends, a sentinel event (such as {@code [DONE]}) arrives, or the caller closes it: close it
 * when stopping early, with try-with-resources in Java or {@code use {}} in Kotlin. Iterating to the end closes it.
 *
 * <pre>{@code
 * try (EventStream<Chunk> chunks = client.chat().streamCompletion(params)) {
 *   for (Chunk chunk : chunks) { ... }
 * }
 * }</pre>
 *
 * <p>The call's retry policy covers everything up to the first event; once events flow, a broken connection ends
 * iteration with a {@link dev.bulwark.runtime.error.ConnectionException} (or a timeout) rather than a silent retry that
 * could repeat events. An {@code error} event ends it with a {@link dev.bulwark.runtime.error.StreamErrorException}.
 * Iterable once; not thread-safe.
 *
 * @param <T> the type each event's data is read as
 */
public final class EventStream<T> implements Iterable<T>, AutoCloseable {
  /** Turns one event into a value, or {@code null} to end the stream (a sentinel). */
  interface Decoder<T> {
    @Nullable T decode(ServerSentEvent event) throws IOException;
  }

  private final Response response;
  private final SseReader reader;
  private final Decoder<T> decoder;
  private final Function<IOException, RuntimeException> failures;
  private boolean iterated;
  private boolean closed;

  EventStream(Response response, Decoder<T> decoder, Function<IOException, RuntimeException> failures) {
    this.response = response;
    this.reader = new SseReader(response.body().source());
    this.decoder = decoder;
    this.failures = failures;
  }

  /** The HTTP status code of the response that opened the stream. */
  public int statusCode() {
    return response.code();
  }

  /** The first value of a response header, by case-insensitive name, or {@code null}. */
  public @Nullable String header(String name) {
    return response.header(name);
  }

  /**
   * The events in order. May be called once.
   *
   * @throws IllegalStateException if called a second time
   */
  @Override
  public Iterator<T> iterator() {
    if (iterated) {
      throw new IllegalStateException("an EventStream can be iterated once; the events are read from the network");
    }
    iterated = true;
    return new Iterator<>() {
      private @Nullable T next;

      @Override
      public boolean hasNext() {
        if (next != null) {
          return true;
        }
        if (closed) {
          return false;
        }
        try {
          ServerSentEvent event = reader.next();
          T value = event == null ? null : decoder.decode(event);
          if (value == null) {
            close();
            return false;
          }
          next = value;
          return true;
        } catch (IOException e) {
          close();
          throw failures.apply(e);
        } catch (RuntimeException e) {
          close();
          throw e;
        }
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the event stream has ended");
        }
        T value = next;
        next = null;
        return value;
      }
    };
  }

  /** The events as a sequential stream; closing the stream closes this. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
        .onClose(this::close);
  }

  /** Releases the connection. Idempotent; events not yet read are discarded. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      response.close();
    }
  }
}
