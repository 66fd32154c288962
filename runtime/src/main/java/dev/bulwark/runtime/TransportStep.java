package dev.bulwark.runtime;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * The last step: sends the request with OkHttp, bounded by the attempt's time limit. A request that cannot be sent
 * again if it fails after its bytes left (a POST without an idempotency key, a one-shot stream) goes on a fresh
 * connection: a pooled one may have been closed by the server while idle (OkHttp probes idle connections only after
 * 10 s), and the request would then be written into a dead socket and end with its outcome unknown.
 */
final class TransportStep implements CallStep {
  private final OkHttpClient httpClient;
  private final OkHttpClient freshConnections;
  private final Supplier<ScheduledExecutorService> scheduler;

  TransportStep(OkHttpClient httpClient, Supplier<ScheduledExecutorService> scheduler) {
    this.httpClient = httpClient;
    // Its own pool keeps no idle connection, so every request it sends opens one; the shared pool is untouched.
    this.freshConnections = httpClient.newBuilder()
        .connectionPool(new okhttp3.ConnectionPool(0, 1, TimeUnit.SECONDS))
        .build();
    this.scheduler = scheduler;
  }

  @Override
  public Response proceed(Request request, Chain chain) throws IOException {
    boolean resendable = chain.context().safeToRepeat && !chain.context().oneShotBody;
    Call call = (resendable ? httpClient : freshConnections).newCall(request);
    chain.context().inFlight = call;
    AttemptTimeouts timeouts = request.tag(AttemptTimeouts.class);
    if (chain.context().responseBody != CallContext.Body.BUFFERED) {
      return streaming(call, timeouts, chain.context().responseBody == CallContext.Body.EVENTS, chain);
    }
    if (timeouts != null) {
      call.timeout().timeout(timeouts.attempt().toNanos(), TimeUnit.NANOSECONDS);
    }
    // The body is read after this step returns: buffer it now, inside the attempt's time limit, so that a stalled
    // body counts against the attempt and a retry can follow.
    try (Response response = call.execute()) {
      return buffered(response, chain.context().maxBodyBytes);
    }
  }

  /** A body larger than the call reads into memory: read no further than the limit. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final int statusCode;
    final long limit;
    final String excerpt;

    BodyTooLarge(int statusCode, long limit, String what, String excerpt) {
      super(what);
      this.statusCode = statusCode;
      this.limit = limit;
      this.excerpt = excerpt;
    }
  }

  /** The response with its body read into memory, at most {@code limit} bytes of it. */
  private static Response buffered(Response response, long limit) throws IOException {
    ResponseBody body = response.body();
    long declared = body.contentLength();
    if (declared > limit) {
      throw new BodyTooLarge(response.code(), limit, "its Content-Length is " + declared + " bytes",
          ErrorNormalizer.excerpt(body.source().peek().readByteArray(Math.min(declared, 256))));
    }
    BufferedSource source = body.source();
    // One byte past the limit tells a body of exactly the limit from a larger one.
    if (source.request(limit + 1)) {
      throw new BodyTooLarge(response.code(), limit, "it went on past the limit",
          ErrorNormalizer.excerpt(source.getBuffer().copy().readByteArray(Math.min(limit, 256))));
    }
    byte[] bytes = source.readByteArray();
    return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
  }

  /**
   * A streamed body may take far longer than an attempt's limit, so the limit is a watchdog that covers the call up to
   * the headers (for an event stream, up to the first event); OkHttp's call timeout, once started, would cut the
   * stream. Reading the first event here puts a stream that breaks before it under the retry policy.
   */
  private Response streaming(Call call, AttemptTimeouts timeouts, boolean events, Chain chain) throws IOException {
    // The client's own call timeout (the default client's is a minute) would cut a long stream or download.
    call.timeout().clearTimeout();
    AtomicBoolean fired = new AtomicBoolean();
    ScheduledFuture<?> watchdog = timeouts == null ? null : scheduler.get().schedule(() -> {
      fired.set(true);
      call.cancel();
    }, timeouts.attempt().toNanos(), TimeUnit.NANOSECONDS);
    Response response = null;
    try {
      response = call.execute();
      if (!response.isSuccessful()) {
        try (Response error = response) {
          return buffered(error, chain.context().maxBodyBytes);
        }
      }
      if (!events) {
        if (watchdog != null && !watchdog.cancel(false) && fired.get()) {
          throw new InterruptedIOException("timeout");
        }
        return response;
      }
      BufferedSource source = response.body().source();
      Buffer first = SseReader.readFirstEvent(source);
      if (watchdog != null && !watchdog.cancel(false) && fired.get()) {
        throw new InterruptedIOException("timeout");
      }
      ResponseBody body = ResponseBody.create(Okio.buffer(new PrefixedSource(first, source)),
          response.body().contentType(), -1L);
      return response.newBuilder().body(body).build();
    } catch (IOException e) {
      if (response != null) {
        response.close();
      }
      if (fired.get() && !(e instanceof InterruptedIOException)) {
        InterruptedIOException timeout = new InterruptedIOException("timeout");
        timeout.initCause(e);
        throw timeout;
      }
      throw e;
    } finally {
      if (watchdog != null) {
        watchdog.cancel(false);
      }
    }
  }

  /** The bytes already read, then the rest of the stream. */
  private static final class PrefixedSource implements Source {
    private final Buffer prefix;
    private final Source rest;

    PrefixedSource(Buffer prefix, Source rest) {
      this.prefix = prefix;
      this.rest = rest;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      return prefix.size() > 0 ? prefix.read(sink, byteCount) : rest.read(sink, byteCount);
    }

    @Override
    public Timeout timeout() {
      return rest.timeout();
    }

    @Override
    public void close() throws IOException {
      rest.close();
    }
  }
}
