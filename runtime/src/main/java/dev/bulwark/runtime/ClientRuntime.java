package dev.bulwark.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.bulwark.runtime.auth.Authentication;
import dev.bulwark.runtime.error.BulwarkException;
import dev.bulwark.runtime.error.ErrorContext;
import dev.bulwark.runtime.internal.ForGeneratedCode;
import dev.bulwark.runtime.json.BulwarkJson;
import dev.bulwark.runtime.retry.RetryBudget;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.RetryPolicyProvider;
import dev.bulwark.runtime.retry.Sleeper;
import dev.bulwark.runtime.retry.Ticker;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import dev.bulwark.runtime.telemetry.CallEvent;
import dev.bulwark.runtime.telemetry.CallEventListener;
import dev.bulwark.runtime.telemetry.CallInterceptor;
import dev.bulwark.runtime.telemetry.LogOptions;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind one generated client: it turns each {@link ApiRequest} into HTTP, runs it through the call chain
 * and reads the response. Generated clients create one in their {@code build()} and share it among their services.
 *
 * <p>It wires the parts and offers the entry points: a call is started ({@code CallStarter}: its ids, its policies
 * resolved in one place by {@code CallPolicies}, who follows it), runs through the one pipeline (the retry loop,
 * blocking or asynchronous, over the attempt steps: observers, redirects, credentials, transport), and ends as a body
 * or as the exception {@code FailureMapper} makes of it. Retry policies and timeouts resolve later sources winning:
 * the runtime defaults, the spec's extensions (merged into the {@link OperationSpec}), the client builder, the
 * {@link RetryPolicyProvider}, the call's {@link RequestOptions}.
 *
 * <p>Thread-safe. Closing it releases the connection pool and threads only when the runtime created its own
 * {@link OkHttpClient}; a client passed to {@link Builder#okHttpClient} stays the caller's to close.
 */
public final class ClientRuntime implements AutoCloseable {
  /** The largest response body read into memory unless the client or the call sets another: 32 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BODY_BYTES = 32L * 1024 * 1024;
  /**
   * The header of a call's correlation id. Not {@code X-Request-Id}, which many servers set to their own id (and some
   * overwrite or reject from a client); a correlation id names the logical call, across its attempts and beside the
   * server's request id, and {@code X-Correlation-Id} is the name API gateways and log pipelines know for that.
   */
  public static final String DEFAULT_CORRELATION_ID_HEADER = "X-Correlation-Id";

  private final OkHttpClient httpClient;
  private final boolean ownsHttpClient;
  private final Moshi moshi;
  private final ResponseReader responseReader;
  /** The blocking call's chain: the retry loop, then the attempt steps. */
  private final List<CallStep> steps;
  /** The per-attempt position of the pipeline, shared by blocking and asynchronous calls. */
  private final List<CallStep> attemptSteps;
  private final RetryBudget retryBudget;
  private final CallStarter starter;
  private final FailureMapper failures;
  private final @Nullable Executor callbackExecutor;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Object schedulerLock = new Object();
  private @Nullable ScheduledExecutorService scheduler;
  private final Ticker ticker;
  private final HttpUrl baseUrl;

  private ClientRuntime(Builder builder) {
    HttpUrl baseUrl = HttpUrl.parse(Objects.requireNonNull(builder.baseUrl, "baseUrl is required"));
    if (baseUrl == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http or https URL, such as https://api.example.com; was: " + builder.baseUrl);
    }
    this.baseUrl = baseUrl;
    RuntimeContext shared = builder.context;
    OkHttpClient given = builder.httpClient != null ? builder.httpClient
        : shared != null ? shared.httpClient() : null;
    this.ownsHttpClient = given == null;
    this.httpClient = ownsHttpClient ? defaultHttpClient() : given;
    Moshi.Builder moshiBuilder = new Moshi.Builder();
    builder.jsonAdapters.forEach(moshiBuilder::add);
    this.moshi = moshiBuilder.add(BulwarkJson.standardAdapters()).build();
    this.ticker = builder.ticker;
    this.failures = new FailureMapper(ticker);
    this.responseReader = new ResponseReader(moshi, failures::errorContext, builder.strictResponses);
    this.retryBudget = builder.retryBudget != null ? builder.retryBudget
        : shared != null ? shared.retryBudget(baseUrl.host()) : RetryBudget.standard();
    CallPolicies policies = new CallPolicies(builder.retryPolicy, builder.retryPolicyProvider != null
        ? builder.retryPolicyProvider : shared != null ? shared.retryPolicyProvider() : null, builder.timeouts);
    List<CallListener> legacyListeners = new ArrayList<>(shared != null ? shared.listeners() : List.of());
    legacyListeners.addAll(builder.listeners);
    CallLog callLog = builder.logOptions.level() == LogOptions.Level.OFF ? null
        : new CallLog(builder.clientName, builder.logOptions);
    this.starter = new CallStarter(new RequestFactory(baseUrl, builder.operationServers, moshi, builder.userAgent),
        policies, ticker, builder.clientName, builder.correlationIdHeader, builder.attemptHeader,
        builder.maxResponseBodyBytes, callLog, builder.interceptors, legacyListeners);
    this.callbackExecutor = builder.callbackExecutor;
    this.clock = builder.clock;
    this.random = builder.random;
    // The runtime's own view of the client: same pool and dispatcher, but OkHttp must not silently resend a request
    // that may have reached the server (the retry step decides that), and each attempt gets its own time limits.
    OkHttpClient transport = httpClient.newBuilder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .eventListenerFactory(AttemptEvents.tracking(httpClient.eventListenerFactory()))
        .addInterceptor(AttemptTimeouts.INTERCEPTOR)
        .build();
    // The per-attempt position: the call's observers, then redirects, credentials and the transport.
    this.attemptSteps = List.of(new ObserverStep(), new RedirectStep(builder.redirects),
        new AuthenticationStep(Map.copyOf(builder.credentials)), new TransportStep(transport, this::scheduler));
    List<CallStep> all = new ArrayList<>();
    all.add(new RetryStep(this::retryController, builder.sleeper));
    all.addAll(attemptSteps);
    this.steps = List.copyOf(all);
  }

  RetryController retryController(CallContext context) {
    return new RetryController(context, retryBudget, ticker, clock, random);
  }

  /** Starts configuring a runtime. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes a call and reads its response body as {@code responseType}.
   *
   * @throws dev.bulwark.runtime.error.BulwarkException for every failure: a status outside 2xx, a transport failure
   *     or a body that does not fit the type
   */
  @SuppressWarnings("unchecked")
  @ForGeneratedCode
  public <T> T execute(ApiRequest call, Type responseType) {
    return (T) Objects.requireNonNull(
        run(call, Objects.requireNonNull(responseType, "responseType"), false).body());
  }

  /**
   * Makes a call whose success may come without content (the spec lists, say, a 202 without a body beside a 200
   * with one): an empty body gives {@code null}.
   */
  @SuppressWarnings("unchecked")
  @ForGeneratedCode
  public <T> @Nullable T executeOrNull(ApiRequest call, Type responseType) {
    return (T) run(call, Objects.requireNonNull(responseType, "responseType"), true).body();
  }

  /**
   * Makes a call and returns the status and headers beside the body.
   *
   * @param responseType the body type, or {@code null} when the operation returns no content
   */
  @SuppressWarnings("unchecked")
  @ForGeneratedCode
  public <T> ApiResponse<T> executeRaw(ApiRequest call, @Nullable Type responseType) {
    return (ApiResponse<T>) run(call, responseType, true);
  }

  /**
   * Makes a call whose response carries no content the caller needs, discarding any body.
   *
   * @throws dev.bulwark.runtime.error.BulwarkException for every failure
   */
  @ForGeneratedCode
  public void execute(ApiRequest call) {
    run(call, null, true);
  }

  /**
   * Makes a call without blocking the caller, reading the body as {@code responseType}. Attempts run on the HTTP
   * client's dispatcher threads; waits between attempts are scheduled, so no thread sleeps. Cancelling the future
   * cancels the attempt in flight and any pending retry.
   *
   * @return a future that completes with the body, or exceptionally with a
   *     {@link dev.bulwark.runtime.error.BulwarkException}
   */
  @ForGeneratedCode
  public <T> CompletableFuture<T> executeAsync(ApiRequest call, Type responseType) {
    return AsyncCall.start(this, prepareAsync(call), Objects.requireNonNull(responseType, "responseType"));
  }

  /** {@link #executeAsync(ApiRequest, Type)} with the status and headers beside the body. */
  @ForGeneratedCode
  public <T> CompletableFuture<ApiResponse<T>> executeRawAsync(ApiRequest call, @Nullable Type responseType) {
    return AsyncCall.startRaw(this, prepareAsync(call), responseType);
  }

  /** {@link #executeAsync(ApiRequest, Type)} for a call whose response carries no content the caller needs. */
  @ForGeneratedCode
  public CompletableFuture<Void> executeAsync(ApiRequest call) {
    return AsyncCall.start(this, prepareAsync(call), null);
  }

  /**
   * Makes a call whose response is a {@code text/event-stream} and returns its events as they arrive, each event's
   * data read as {@code eventType} ({@code String.class} for the raw text). The retry policy covers the call up to
   * the first event; see {@link EventStream}.
   *
   * @param sentinel an event data value that marks the end of the stream (such as {@code [DONE]}), or {@code null}
   * @throws dev.bulwark.runtime.error.BulwarkException if the call fails before the first event
   */
  @ForGeneratedCode
  public <T> EventStream<T> stream(ApiRequest call, Type eventType, @Nullable String sentinel) {
    Objects.requireNonNull(eventType, "eventType");
    Opened opened = open(call, CallContext.Body.EVENTS, "text/event-stream");
    JsonAdapter<Object> adapter = eventType == String.class ? null : moshi.adapter(eventType);
    EventDecoder<T> decoder = new EventDecoder<>(adapter, sentinel, responseReader.errors(), call.operation(),
        opened.response.code(), () -> errorContext(opened.context));
    return new EventStream<>(opened.response, decoder, e -> failure(e, opened.context));
  }

  /**
   * Makes a call whose response is binary content and returns it unread, to be streamed by the caller. The retry
   * policy covers the call up to the response headers; see {@link BinaryResponse}.
   *
   * @throws dev.bulwark.runtime.error.BulwarkException if the call fails before the body
   */
  @ForGeneratedCode
  public BinaryResponse download(ApiRequest call) {
    Opened opened = open(call, CallContext.Body.STREAMED, "*/*");
    return new BinaryResponse(opened.response, e -> failure(e, opened.context));
  }

  /** A successful response whose body is still unread, and its call's context. */
  private record Opened(Response response, CallContext context) {}

  /**
   * Runs a call whose body the caller will stream, up to a successful response; a failure, or a status outside 2xx,
   * becomes the call's exception.
   *
   * @param accept the {@code Accept} header unless the request asks for something more specific than JSON
   */
  private Opened open(ApiRequest call, CallContext.Body body, String accept) {
    Prepared prepared = prepare(call, body);
    CallContext context = prepared.context;
    String asked = prepared.request.header("Accept");
    Request request = asked == null || asked.equals("application/json") || body == CallContext.Body.EVENTS
        ? prepared.request.newBuilder().header("Accept", accept).build()
        : prepared.request;
    Response response;
    try {
      response = new CallChain(steps, context).proceed(request);
    } catch (IOException e) {
      throw finished(context, failure(e, context));
    } catch (RuntimeException e) {
      throw finished(context, e);
    }
    if (!response.isSuccessful()) {
      try {
        read(response, context, null, true);
      } catch (RuntimeException e) {
        throw finished(context, e);
      }
    }
    // The call, as the retry policy covers it, ends with the response headers; the body is the caller's to read.
    finished(context, response.code());
    return new Opened(response, context);
  }

  /** {@link #download} without blocking the caller: the future completes once the response headers have arrived. */
  @ForGeneratedCode
  public CompletableFuture<BinaryResponse> downloadAsync(ApiRequest call) {
    return CompletableFuture.supplyAsync(() -> download(call), attemptExecutor());
  }

  /**
   * {@link #stream} without blocking the caller: the future completes when the first event has arrived (or the
   * stream ended empty), and fails with the call's {@link BulwarkException}.
   */
  @ForGeneratedCode
  public <T> CompletableFuture<EventStream<T>> streamAsync(ApiRequest call, Type eventType,
      @Nullable String sentinel) {
    return CompletableFuture.supplyAsync(() -> stream(call, eventType, sentinel), attemptExecutor());
  }

  /** The retry budget shared by every call of this runtime; its state shows how many retries are left. */
  public RetryBudget retryBudget() {
    return retryBudget;
  }

  /** The base URL that operation paths are appended to. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * The OkHttp client calls are sent with: the one given to the builder, or the one the runtime created. For its
   * connection pool's and dispatcher's figures, and for tests; its settings do not change Bulwark's redirects,
   * retries or time limits, which the runtime applies itself.
   */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  /** The JSON configuration used for bodies, including the generated client's adapters. */
  public Moshi moshi() {
    return moshi;
  }

  private ApiResponse<Object> run(ApiRequest call, @Nullable Type responseType, boolean emptyAllowed) {
    Prepared prepared = prepare(call);
    CallContext context = prepared.context;
    Response response;
    try {
      response = new CallChain(steps, context).proceed(prepared.request);
    } catch (IOException e) {
      throw finished(context, failure(e, context));
    } catch (RuntimeException e) {
      finished(context, e);
      throw e;
    }
    Object body;
    try {
      body = read(response, context, responseType, emptyAllowed);
    } catch (RuntimeException e) {
      throw finished(context, e);
    }
    finished(context, response.code());
    return new ApiResponse<>(response.code(), response.headers(), body);
  }

  /** The call ended with a response the caller gets: its end is told. */
  void finished(CallContext context, int status) {
    context.events.callFinished(CallEvent.Outcome.SUCCESS, Math.max(1, context.attempts),
        Duration.ofNanos(ticker.nanoTime() - context.startNanos), status, null, null);
  }

  /** The call ended with {@code failure}: its end is told, and the failure given back to be thrown. */
  <E extends RuntimeException> E finished(CallContext context, E failure) {
    boolean cancelled = failure instanceof java.util.concurrent.CancellationException;
    int status = failure instanceof dev.bulwark.runtime.error.ApiStatusException api ? api.statusCode() : -1;
    context.events.callFinished(cancelled ? CallEvent.Outcome.CANCELLED : CallEvent.Outcome.FAILURE,
        Math.max(1, context.attempts), Duration.ofNanos(ticker.nanoTime() - context.startNanos), status,
        failure instanceof BulwarkException bulwark ? bulwark.category() : null, context.stopReason);
    return failure;
  }

  /** A call ready to send: its first request and its context. */
  record Prepared(Request request, CallContext context) {}

  private Prepared prepare(ApiRequest call) {
    return starter.prepare(call, CallContext.Body.BUFFERED, false);
  }

  /** A call whose attempts and completion run on other threads: it carries the caller's context there. */
  private Prepared prepareAsync(ApiRequest call) {
    return starter.prepare(call, CallContext.Body.BUFFERED, true);
  }

  private Prepared prepare(ApiRequest call, CallContext.Body responseBody) {
    return starter.prepare(call, responseBody, false);
  }

  /** The exception a final transport failure maps to. */
  BulwarkException failure(IOException e, CallContext context) {
    return failures.failure(e, context);
  }

  ErrorContext errorContext(CallContext context) {
    return failures.errorContext(context);
  }

  /** The body of the final response, or the exception it maps to. */
  @Nullable Object read(Response response, CallContext context, @Nullable Type responseType,
      boolean emptyAllowed) {
    try {
      return responseReader.read(response, context, responseType, emptyAllowed);
    } catch (BulwarkException e) {
      throw failures.budgetAware(e, context);
    } catch (IOException e) {
      throw failure(e, context);
    }
  }

  List<CallStep> attemptSteps() {
    return attemptSteps;
  }

  Executor attemptExecutor() {
    return httpClient.dispatcher().executorService();
  }

  ScheduledExecutorService scheduler() {
    synchronized (schedulerLock) {
      if (scheduler == null) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "bulwark-retry-scheduler");
          thread.setDaemon(true);
          return thread;
        });
      }
      return scheduler;
    }
  }

  /** Where asynchronous calls complete their futures: the builder's executor, else the attempt's thread. */
  @Nullable Executor callbackExecutor() {
    return callbackExecutor;
  }

  /** Releases the connection pool and dispatcher threads if this runtime created the {@link OkHttpClient}. */
  @Override
  public void close() {
    synchronized (schedulerLock) {
      if (scheduler != null) {
        scheduler.shutdownNow();
      }
    }
    if (ownsHttpClient) {
      httpClient.dispatcher().executorService().shutdown();
      httpClient.connectionPool().evictAll();
    }
  }

  /** A body limit, checked: it must be positive. */
  static long positiveLimit(long maxResponseBodyBytes) {
    if (maxResponseBodyBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBodyBytes must be positive; was " + maxResponseBodyBytes);
    }
    return maxResponseBodyBytes;
  }

  static OkHttpClient defaultHttpClient() {
    // Each attempt sets its own limits from the resolved TimeoutPolicy; these only bound calls made outside it.
    TimeoutPolicy defaults = TimeoutPolicy.defaults();
    return new OkHttpClient.Builder()
        .connectTimeout(defaults.connect())
        .readTimeout(defaults.read())
        .writeTimeout(defaults.write())
        .callTimeout(defaults.call())
        .build();
  }

  /** Configures a {@link ClientRuntime}. */
  public static final class Builder {
    private @Nullable String baseUrl;
    private @Nullable OkHttpClient httpClient;
    private final List<JsonAdapter.Factory> jsonAdapters = new ArrayList<>();
    private final Map<String, Authentication> credentials = new LinkedHashMap<>();
    private String userAgent = "bulwark-java/" + Version.VERSION;
    private @Nullable RetryBudget retryBudget;
    private @Nullable RuntimeContext context;
    private @Nullable RetryPolicy retryPolicy;
    private @Nullable RetryPolicyProvider retryPolicyProvider;
    private @Nullable TimeoutPolicy timeouts;
    private final List<CallListener> listeners = new ArrayList<>();
    private final List<CallInterceptor> interceptors = new ArrayList<>();
    private String clientName = "";
    private LogOptions logOptions = LogOptions.defaults();
    private @Nullable String correlationIdHeader = DEFAULT_CORRELATION_ID_HEADER;
    private boolean attemptHeader = true;
    private @Nullable Executor callbackExecutor;
    private Ticker ticker = Ticker.system();
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private boolean strictResponses;
    private boolean operationServers = true;
    private RedirectPolicy redirects = RedirectPolicy.ANY_ORIGIN_WITHOUT_CREDENTIALS;
    private long maxResponseBodyBytes = DEFAULT_MAX_RESPONSE_BODY_BYTES;

    private Builder() {}

    /**
     * Whether operations the spec gives servers of their own are sent there (the default) rather than to the base
     * URL. Generated clients turn this off when the caller sets a base URL of their own, such as a test server.
     */
    public Builder operationServers(boolean operationServers) {
      this.operationServers = operationServers;
      return this;
    }

    /**
     * The retry policy of every operation: the values set on it win over what the spec sets, the others stay the
     * spec's ({@code RetryPolicy.builder().maxAttempts(5).build()} changes only the attempts).
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Chooses each call's retry policy while the client runs; see {@link RetryPolicyProvider}. */
    public Builder retryPolicyProvider(RetryPolicyProvider provider) {
      this.retryPolicyProvider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * The timeouts of every operation: the limits set on it win over what the spec sets, the others stay the spec's
     * ({@code TimeoutPolicy.builder().read(...).build()} keeps the spec's call deadline).
     */
    public Builder timeouts(TimeoutPolicy timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /**
     * Shares a connection pool, per-host retry budgets, a policy provider and listeners with other clients. Settings
     * made on this builder win over the context's.
     */
    public Builder context(RuntimeContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * The retry budget; pass the same instance to several clients to make them back off together. Defaults to the
     * context's budget for the base URL's host, else a new {@link RetryBudget#standard()} per runtime.
     */
    public Builder retryBudget(RetryBudget retryBudget) {
      this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget");
      return this;
    }

    /**
     * Adds a listener for attempts, retries and give-ups.
     *
     * @deprecated positional arguments break with every field added; use {@link #eventListener}
     */
    @Deprecated
    public Builder listener(CallListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds an interceptor that follows every call (once per logical call, and around each attempt, for blocking and
     * asynchronous calls alike), as the tracing and metrics modules do. Interceptors run in the order added, after
     * the client's own log.
     */
    public Builder interceptor(CallInterceptor interceptor) {
      this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** Adds a listener of every call's {@link CallEvent}s. */
    public Builder eventListener(CallEventListener listener) {
      Objects.requireNonNull(listener, "listener");
      return interceptor(started -> {
        CallEvents.tell(listener, started);
        return new CallInterceptor.Observer() {
          @Override
          public void event(CallEvent event) {
            listener.onEvent(event);
          }
        };
      });
    }

    /** The generated client's name, in events, metrics and the logger's name ({@code dev.bulwark.calls.<name>}). */
    public Builder clientName(String clientName) {
      this.clientName = Objects.requireNonNull(clientName, "clientName");
      return this;
    }

    /** What the client's call log shows; see {@link LogOptions}. */
    public Builder logOptions(LogOptions logOptions) {
      this.logOptions = Objects.requireNonNull(logOptions, "logOptions");
      return this;
    }

    /**
     * The header that carries each call's correlation id, the same on every attempt ({@value
     * #DEFAULT_CORRELATION_ID_HEADER} by default); {@code null} sends none, the id still naming the call in events,
     * logs and exceptions.
     */
    public Builder correlationIdHeader(@Nullable String header) {
      this.correlationIdHeader = header;
      return this;
    }

    /** Whether each attempt tells the server its number: {@code Bulwark-Attempt: attempt=2; max=4} (on by default). */
    public Builder attemptHeader(boolean attemptHeader) {
      this.attemptHeader = attemptHeader;
      return this;
    }

    /**
     * Where asynchronous calls complete their futures, so that what the caller chains on them ({@code thenApply})
     * runs there; by default on the HTTP client's thread that finished the call. The caller's logging context is
     * in place either way.
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Whether a response that breaks its schema (a required property missing, a value of the wrong type) fails the
     * call with a {@link dev.bulwark.runtime.error.ResponseNotUnderstoodException} naming the JSON paths. Off by
     * default: responses are read leniently and models report problems through {@code validate()}.
     */
    public Builder strictResponses(boolean strictResponses) {
      this.strictResponses = strictResponses;
      return this;
    }

    /**
     * Which redirects to follow; by default those to the same origin with credentials and those to other origins
     * without any. See {@link RedirectPolicy}.
     */
    public Builder redirects(RedirectPolicy redirects) {
      this.redirects = Objects.requireNonNull(redirects, "redirects");
      return this;
    }

    /**
     * The largest response body read into memory (JSON, text and error bodies, the raw view); a larger one fails the
     * call with a {@link dev.bulwark.runtime.error.ResponseNotUnderstoodException} naming the limit, read no further
     * than the limit. Defaults to {@link #DEFAULT_MAX_RESPONSE_BODY_BYTES}; streamed downloads and event streams are
     * not bounded. {@link RequestOptions.Builder#maxResponseBodyBytes} sets it per call.
     */
    public Builder maxResponseBodyBytes(long maxResponseBodyBytes) {
      this.maxResponseBodyBytes = positiveLimit(maxResponseBodyBytes);
      return this;
    }

    /** Seeds the jitter of retry waits, so that a run's waits repeat; for tests and simulations. */
    public Builder jitterSeed(long seed) {
      java.util.Random seeded = new java.util.Random(seed);
      this.random = seeded::nextDouble;
      return this;
    }

    /** The monotonic clock for deadlines; for tests and simulations. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** What waits between attempts; for tests and simulations. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The wall clock, for server hints given as dates; for tests and simulations. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source of jitter, values in [0, 1); for tests and simulations. */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The server's base URL; operation paths are appended to it. Required. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The OkHttp client to send requests with, to share its connection pool and settings. Bulwark's call behaviour
     * does not depend on its interceptors. When not set, the runtime creates one with bounded default timeouts.
     */
    public Builder okHttpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Adds JSON adapters, consulted before the standard ones; generated clients add their model adapters here. */
    public Builder jsonAdapters(JsonAdapter.Factory factory) {
      this.jsonAdapters.add(Objects.requireNonNull(factory, "factory"));
      return this;
    }

    /** Credentials for the security scheme of that name; operations that accept the scheme send them. */
    public Builder authentication(String schemeName, Authentication credential) {
      credentials.put(Objects.requireNonNull(schemeName, "schemeName"), Objects.requireNonNull(credential, "credential"));
      return this;
    }

    /** The {@code User-Agent} header value; defaults to {@code bulwark-java/<version>}. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    public ClientRuntime build() {
      return new ClientRuntime(this);
    }
  }
}
