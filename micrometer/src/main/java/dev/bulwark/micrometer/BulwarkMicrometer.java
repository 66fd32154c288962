package dev.bulwark.micrometer;

import dev.bulwark.runtime.retry.RetryBudget;
import dev.bulwark.runtime.telemetry.CallEvent;
import dev.bulwark.runtime.telemetry.CallInfo;
import dev.bulwark.runtime.telemetry.CallInterceptor;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A generated client's calls through Micrometer. Each attempt is an {@link Observation} named
 * {@code http.client.requests}, as Spring's HTTP clients name theirs, with the low-cardinality keys {@code method},
 * {@code uri} (the URL template), {@code status}, {@code outcome}, {@code exception} and {@code client.name}: with
 * Spring Boot 3's observation handlers that is the familiar timer, and through micrometer-tracing a span whose
 * context the tracing handlers put on the request. Each logical call is an observation {@code bulwark.client.calls}
 * (keys {@code operation}, {@code client.name}, {@code outcome}, {@code error.category}), the parent of its attempts.
 * Beside them: counters {@code bulwark.client.attempts} (keys {@code operation}, {@code client.name},
 * {@code outcome}) and {@code bulwark.client.retries} ({@code operation}, {@code client.name}, {@code reason}), and,
 * with {@link #bindRetryBudget}, the gauge {@code bulwark.client.retry.budget.tokens}.
 *
 * <pre>{@code
 * BulwarkMicrometer metrics = BulwarkMicrometer.create(observationRegistry, meterRegistry);
 * PetStoreClient client = PetStoreClient.builder().interceptor(metrics).build();
 * metrics.bindRetryBudget("PetStoreClient", client.retryBudget());
 * }</pre>
 */
public final class BulwarkMicrometer implements CallInterceptor {
  /** The attempt observation's name: Spring's, so that dashboards of HTTP clients read it. */
  public static final String REQUESTS = "http.client.requests";
  public static final String CALLS = "bulwark.client.calls";
  public static final String ATTEMPTS = "bulwark.client.attempts";
  public static final String RETRIES = "bulwark.client.retries";
  public static final String BUDGET_TOKENS = "bulwark.client.retry.budget.tokens";

  private final ObservationRegistry observations;
  private final MeterRegistry meters;

  private BulwarkMicrometer(ObservationRegistry observations, MeterRegistry meters) {
    this.observations = observations;
    this.meters = meters;
  }

  /** Observations through {@code observations}, counters and the budget gauge in {@code meters}. */
  public static BulwarkMicrometer create(ObservationRegistry observations, MeterRegistry meters) {
    return new BulwarkMicrometer(Objects.requireNonNull(observations, "observations"),
        Objects.requireNonNull(meters, "meters"));
  }

  /** Publishes the tokens left in a client's retry budget as {@code bulwark.client.retry.budget.tokens}. */
  public BulwarkMicrometer bindRetryBudget(String clientName, RetryBudget budget) {
    Gauge.builder(BUDGET_TOKENS, budget, RetryBudget::available)
        .description("Retries the client may still make before the budget stops them")
        .tag("client.name", clientName)
        .register(meters);
    return this;
  }

  /** The context of one attempt: the request it carries (for propagation) and how it ended. */
  public static final class AttemptContext extends RequestReplySenderContext<Request.Builder, Response> {
    private final CallInfo call;
    private final int attempt;

    AttemptContext(CallInfo call, int attempt) {
      super((carrier, key, value) -> {
        if (carrier != null) {
          carrier.header(key, value);
        }
      });
      this.call = call;
      this.attempt = attempt;
    }

    public CallInfo call() {
      return call;
    }

    public int attempt() {
      return attempt;
    }
  }

  /** The context of one logical call, and how it ended once it has. */
  public static final class CallContext extends Observation.Context {
    private final CallInfo call;
    private volatile CallEvent.@Nullable CallFinished finished;

    CallContext(CallInfo call) {
      this.call = call;
    }

    public CallInfo call() {
      return call;
    }

    public CallEvent.@Nullable CallFinished finished() {
      return finished;
    }
  }

  /** {@code http.client.requests} with Spring's keys. */
  static final class AttemptConvention implements ObservationConvention<AttemptContext> {
    @Override
    public String getName() {
      return REQUESTS;
    }

    @Override
    public String getContextualName(AttemptContext context) {
      return context.call().method() + " " + context.call().urlTemplate();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(AttemptContext context) {
      Response response = context.getResponse();
      Throwable error = context.getError();
      return KeyValues.of(
          KeyValue.of("method", context.call().method()),
          KeyValue.of("uri", context.call().urlTemplate()),
          KeyValue.of("status", response == null ? (error == null ? "UNKNOWN" : "CLIENT_ERROR")
              : String.valueOf(response.code())),
          KeyValue.of("outcome", outcome(response)),
          KeyValue.of("exception", error == null ? "none" : error.getClass().getSimpleName()),
          KeyValue.of("client.name", context.call().clientName()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(AttemptContext context) {
      return KeyValues.of(KeyValue.of("http.url", context.call().urlTemplate()),
          KeyValue.of("bulwark.correlation_id", context.call().correlationId()),
          KeyValue.of("bulwark.attempt", String.valueOf(context.attempt())));
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof AttemptContext;
    }
  }

  /** {@code bulwark.client.calls}. */
  static final class CallConvention implements ObservationConvention<CallContext> {
    @Override
    public String getName() {
      return CALLS;
    }

    @Override
    public String getContextualName(CallContext context) {
      return context.call().operationId();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CallContext context) {
      CallEvent.CallFinished finished = context.finished();
      return KeyValues.of(
          KeyValue.of("operation", context.call().operationId()),
          KeyValue.of("client.name", context.call().clientName()),
          KeyValue.of("outcome", finished == null ? "UNKNOWN" : finished.outcome().name()),
          KeyValue.of("error.category", finished == null || finished.errorCategory() == null ? "none"
              : finished.errorCategory().name()));
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof CallContext;
    }
  }

  /** Spring's outcome of a response: by its status class. */
  static String outcome(@Nullable Response response) {
    if (response == null) {
      return "UNKNOWN";
    }
    int code = response.code();
    return code < 200 ? "INFORMATIONAL" : code < 300 ? "SUCCESS" : code < 400 ? "REDIRECTION"
        : code < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }

  @Override
  public Observer start(CallEvent.CallStarted started) {
    CallInfo info = started.call();
    CallContext callContext = new CallContext(info);
    Observation call = Observation.createNotStarted(new CallConvention(), () -> callContext, observations).start();
    return new Observer() {
      @Override
      public Response attempt(int attempt, Request request, Next next) throws IOException {
        AttemptContext context = new AttemptContext(info, attempt);
        Request.Builder carrier = request.newBuilder();
        context.setCarrier(carrier);
        Observation observation = Observation.createNotStarted(new AttemptConvention(), () -> context,
            observations).parentObservation(call).start();
        Response response = null;
        try (Observation.Scope ignored = observation.openScope()) {
          response = next.proceed(carrier.build());
          context.setResponse(response);
          return response;
        } catch (IOException | RuntimeException e) {
          observation.error(e);
          throw e;
        } finally {
          observation.stop();
          Counter.builder(ATTEMPTS).tag("operation", info.operationId()).tag("client.name", info.clientName())
              .tag("outcome", outcome(response)).register(meters).increment();
        }
      }

      @Override
      public void event(CallEvent event) {
        if (event instanceof CallEvent.RetryScheduled retry) {
          call.event(Observation.Event.of("bulwark.retry", "retry " + retry.nextAttempt() + ": " + retry.reason()));
          Counter.builder(RETRIES).tag("operation", info.operationId()).tag("client.name", info.clientName())
              .tag("reason", retry.reason()).register(meters).increment();
        } else if (event instanceof CallEvent.CallFinished finished) {
          callContext.finished = finished;
          call.stop();
        }
      }
    };
  }
}
