package dev.bulwark.opentelemetry;

import dev.bulwark.runtime.telemetry.CallEvent;
import dev.bulwark.runtime.telemetry.CallInfo;
import dev.bulwark.runtime.telemetry.CallInterceptor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Traces and metrics of a generated client's calls, following OpenTelemetry's HTTP client semantic conventions:
 * a span for each logical call (kind INTERNAL, named by the operation, its retries as span events) and under it a
 * CLIENT span for each attempt ({@code http.request.method}, {@code server.address}, {@code server.port},
 * {@code url.full} with credentials redacted, {@code url.template}, {@code http.response.status_code},
 * {@code error.type}, {@code http.request.resend_count}), whose context the configured propagators put on the
 * request ({@code traceparent} with the W3C propagator); and the {@code http.client.request.duration} histogram, in
 * seconds with the convention's buckets, per attempt.
 *
 * <pre>{@code
 * PetStoreClient client = PetStoreClient.builder()
 *     .interceptor(BulwarkOpenTelemetry.create(openTelemetry))
 *     .build();
 * }</pre>
 *
 * <p>The call span's parent is the context current where the call is made; an asynchronous call's attempts, events
 * and future completion run with that context current, on whatever thread.
 */
public final class BulwarkOpenTelemetry implements CallInterceptor {
  /** The scope name of this module's tracer and meter. */
  public static final String INSTRUMENTATION_NAME = "dev.bulwark";

  static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("bulwark.operation");
  static final AttributeKey<String> CLIENT = AttributeKey.stringKey("bulwark.client");
  static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey("bulwark.correlation_id");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("bulwark.attempts");
  static final AttributeKey<Long> RETRY_ATTEMPT = AttributeKey.longKey("bulwark.retry.attempt");
  static final AttributeKey<Long> RETRY_DELAY_MS = AttributeKey.longKey("bulwark.retry.delay_ms");
  static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("bulwark.retry.reason");

  /** The buckets the HTTP semantic conventions advise for {@code http.client.request.duration}, in seconds. */
  static final List<Double> DURATION_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  /** Query parameters whose values {@code url.full} never shows. */
  private static final Pattern SECRET_QUERY =
      Pattern.compile("(?i).*(key|token|secret|password|passwd|signature|sig|auth|credential|session).*");

  private static final TextMapSetter<Request.Builder> HEADERS = (carrier, key, value) -> {
    if (carrier != null) {
      carrier.header(key, value);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final DoubleHistogram duration;

  private BulwarkOpenTelemetry(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.duration = openTelemetry.getMeter(INSTRUMENTATION_NAME)
        .histogramBuilder("http.client.request.duration")
        .setUnit("s")
        .setDescription("Duration of HTTP client requests.")
        .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
        .build();
  }

  /** Tracing and metrics through {@code openTelemetry}'s tracer, meter and propagators. */
  public static BulwarkOpenTelemetry create(OpenTelemetry openTelemetry) {
    return new BulwarkOpenTelemetry(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  @Override
  public Observer start(CallEvent.CallStarted started) {
    CallInfo info = started.call();
    Context parent = Context.current();
    Span call = tracer.spanBuilder(info.operationId())
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(OPERATION, info.operationId())
        .setAttribute(CLIENT, info.clientName())
        .setAttribute(HTTP_REQUEST_METHOD, info.method())
        .setAttribute(URL_TEMPLATE, info.urlTemplate())
        .setAttribute(CORRELATION_ID, info.correlationId())
        .startSpan();
    Context callContext = parent.with(call);
    return new Observer() {
      @Override
      public Response attempt(int attempt, Request request, Next next) throws IOException {
        Span span = tracer.spanBuilder(info.method() + " " + info.urlTemplate())
            .setParent(callContext)
            .setSpanKind(SpanKind.CLIENT)
            .setAllAttributes(requestAttributes(info, request.url()))
            .setAttribute(URL_FULL, redacted(request.url()))
            .startSpan();
        if (attempt > 1) {
          span.setAttribute(RESEND_COUNT, (long) attempt - 1);
        }
        Context attemptContext = callContext.with(span);
        Request.Builder carrier = request.newBuilder();
        propagator.inject(attemptContext, carrier, HEADERS);
        long start = System.nanoTime();
        AttributesBuilder measured = requestAttributes(info, request.url()).toBuilder();
        try (Scope ignored = attemptContext.makeCurrent()) {
          Response response = next.proceed(carrier.build());
          span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) response.code());
          measured.put(HTTP_RESPONSE_STATUS_CODE, (long) response.code());
          if (response.code() >= 400) {
            // The conventions' error.type for a failing status is the status itself.
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(ERROR_TYPE, String.valueOf(response.code()));
            measured.put(ERROR_TYPE, String.valueOf(response.code()));
          }
          return response;
        } catch (IOException | RuntimeException e) {
          span.setStatus(StatusCode.ERROR);
          span.setAttribute(ERROR_TYPE, e.getClass().getName());
          measured.put(ERROR_TYPE, e.getClass().getName());
          throw e;
        } finally {
          span.end();
          duration.record((System.nanoTime() - start) / 1e9, measured.build(), attemptContext);
        }
      }

      @Override
      public void event(CallEvent event) {
        if (event instanceof CallEvent.RetryScheduled retry) {
          call.addEvent("bulwark.retry", Attributes.of(RETRY_ATTEMPT, (long) retry.nextAttempt(),
              RETRY_DELAY_MS, retry.delay().toMillis(), RETRY_REASON, retry.reason()));
        } else if (event instanceof CallEvent.CallFinished finished) {
          call.setAttribute(ATTEMPTS, (long) finished.attempts());
          if (finished.statusCode() > 0) {
            call.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) finished.statusCode());
          }
          if (finished.outcome() != CallEvent.Outcome.SUCCESS) {
            call.setStatus(StatusCode.ERROR, finished.stopReason() == null ? "" : finished.stopReason());
            call.setAttribute(ERROR_TYPE, finished.errorCategory() == null ? finished.outcome().name()
                : finished.errorCategory().name());
          }
          call.end();
        }
      }

      @Override
      public Runnable inCallersContext(Runnable work) {
        return callContext.wrap(work);
      }
    };
  }

  private static Attributes requestAttributes(CallInfo info, HttpUrl url) {
    return Attributes.of(HTTP_REQUEST_METHOD, info.method(), SERVER_ADDRESS, url.host(),
        SERVER_PORT, (long) url.port(), URL_TEMPLATE, info.urlTemplate());
  }

  /** The URL without user info, the values of credential-named query parameters replaced by {@code REDACTED}. */
  static String redacted(HttpUrl url) {
    HttpUrl.Builder clean = url.newBuilder().username("").password("");
    if (url.querySize() > 0) {
      clean.query(null);
      for (int i = 0; i < url.querySize(); i++) {
        String name = url.queryParameterName(i);
        clean.addQueryParameter(name, SECRET_QUERY.matcher(name).matches() ? "REDACTED" : url.queryParameterValue(i));
      }
    }
    return clean.build().toString();
  }
}
