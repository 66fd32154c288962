package dev.bulwark.runtime;

import dev.bulwark.runtime.retry.RetryBudget;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.ServerHints;
import dev.bulwark.runtime.retry.Ticker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The retry decisions of one logical call, shared by the blocking and the asynchronous paths: it prepares each
 * attempt and, after it, says whether to stop or how long to wait. The limits it enforces: the policy's attempts, the
 * call's deadline, the server's requested wait and the shared retry budget. It records in the {@link CallContext} why
 * it stopped, so that the runtime raises the right exception. Not thread-safe: one attempt at a time.
 */
final class RetryController {
  /** Statuses by which a server says it did not process the request: safe to retry for any method. */
  private static final Set<Integer> NOT_PROCESSED = Set.of(408, 429, 503);
  /** The header that tells the server which attempt of how many a request is. */
  static final String ATTEMPT_HEADER = "Bulwark-Attempt";

  private final CallContext context;
  private final RetryBudget budget;
  private final Ticker ticker;
  private final Clock clock;
  private final DoubleSupplier random;
  private int attempt;
  private long attemptStart;
  private int acquired;
  private AttemptEvents events = new AttemptEvents();

  RetryController(CallContext context, RetryBudget budget, Ticker ticker, Clock clock, DoubleSupplier random) {
    this.context = context;
    this.budget = budget;
    this.ticker = ticker;
    this.clock = clock;
    this.random = random;
  }

  /** Starts the next attempt: the request tagged with the attempt's time limits. */
  Request startAttempt(Request request) {
    attempt++;
    context.attempts = attempt;
    attemptStart = ticker.nanoTime();
    context.events.attemptStarted(attempt, context.retryPolicy.maxAttempts());
    events = new AttemptEvents();
    Request.Builder tagged = request.newBuilder()
        .tag(AttemptTimeouts.class, timeouts(context.remaining(attemptStart)))
        .tag(AttemptEvents.class, events);
    if (context.attemptHeader) {
      // As AWS's amz-sdk-request: the server (and its logs) can tell a retry from a first try.
      tagged.header(ATTEMPT_HEADER, "attempt=" + attempt + "; max=" + context.retryPolicy.maxAttempts());
    }
    return tagged.build();
  }

  /**
   * Judges the attempt that just ended.
   *
   * @return {@code null} to stop (the caller returns the response or throws the failure), else the wait before the
   *     next attempt; the response, if any, is then closed
   */
  @Nullable Duration afterAttempt(@Nullable Response response, @Nullable IOException failure) {
    RetryPolicy policy = context.retryPolicy;
    context.events.attemptFinished(attempt, response, failure, Duration.ofNanos(ticker.nanoTime() - attemptStart));
    context.lastAttemptSent = response != null || sent(failure);
    if (mayHaveApplied(response, failure)) {
      context.possiblyApplied = true;
    }
    Decision decision = response != null ? decide(response) : decide(failure);
    if (!decision.retry) {
      if (response != null && response.isSuccessful()) {
        budget.onSuccess(acquired);
      }
      if (decision.outcomeUnknown) {
        context.stop = CallContext.Stop.OUTCOME_UNKNOWN;
      }
      return null;
    }
    if (attempt >= policy.maxAttempts()) {
      gaveUp("max attempts (" + policy.maxAttempts() + ") reached");
      return null;
    }
    Duration delay = policy.backoff(attempt, random.getAsDouble());
    Duration hint = decision.serverHint;
    if (hint != null) {
      if (hint.compareTo(policy.maxRetryAfter()) > 0) {
        gaveUp("server asked to wait " + hint.toMillis() + " ms, more than the "
            + policy.maxRetryAfter().toMillis() + " ms the policy honours");
        return null;
      }
      // The server's wait is a floor: never retry sooner than asked.
      delay = hint.compareTo(delay) > 0 ? hint : delay;
    }
    if (context.remaining(ticker.nanoTime()).compareTo(delay) <= 0) {
      // A wait that would end past the deadline is not started.
      context.stop = CallContext.Stop.DEADLINE;
      gaveUp("waiting " + delay.toMillis() + " ms would pass the call's deadline");
      return null;
    }
    int cost = budget.tryAcquire(decision.timeout);
    if (cost < 0) {
      context.stop = CallContext.Stop.BUDGET;
      gaveUp("retry budget exhausted");
      return null;
    }
    acquired = cost;
    if (response != null) {
      response.close();
    }
    context.events.retryScheduled(attempt + 1, delay, decision.reason, hint);
    return delay;
  }

  private void gaveUp(String reason) {
    context.stopReason = reason;
    context.events.gaveUp(attempt, reason);
  }

  /** The caller cancelled the call while this attempt ran: report it and release the response. */
  void cancelled(@Nullable Response response, @Nullable IOException failure) {
    context.events.attemptFinished(attempt, response, failure, Duration.ofNanos(ticker.nanoTime() - attemptStart));
    gaveUp("cancelled by the caller");
    if (response != null) {
      response.close();
    }
  }

  private AttemptTimeouts timeouts(Duration remaining) {
    Duration limit = context.timeouts.attempt().compareTo(remaining) < 0 ? context.timeouts.attempt() : remaining;
    if (limit.isNegative() || limit.isZero()) {
      limit = Duration.ofMillis(1);
    }
    return new AttemptTimeouts(context.timeouts.connect(), context.timeouts.read(), context.timeouts.write(), limit);
  }

  private Decision decide(Response response) {
    if (response.code() < 400 || context.oneShotBody) {
      // A streamed request body has been read and cannot be sent again.
      return Decision.STOP;
    }
    Map<String, List<String>> headers = ResponseReader.headers(response.headers());
    Optional<Boolean> serverSays = ServerHints.retryDecision(headers, context.retryPolicy.retryDecisionHeader());
    boolean retry;
    if (serverSays.isPresent()) {
      retry = serverSays.get();
    } else {
      int code = response.code();
      retry = context.retryPolicy.retryStatuses().contains(code)
          && (context.safeToRepeat || NOT_PROCESSED.contains(code));
    }
    if (!retry) {
      return Decision.STOP;
    }
    Duration hint = ServerHints.retryAfter(headers, clock).orElse(null);
    return new Decision(true, false, false, "HTTP " + response.code(), hint);
  }

  private Decision decide(IOException failure) {
    if (failure instanceof RedirectStep.Refused || failure instanceof TransportStep.BodyTooLarge) {
      // The server answered; the client declined where it pointed. Sending again gives the same answer.
      return Decision.STOP;
    }
    if (failure instanceof dev.bulwark.runtime.auth.CredentialsException credentials) {
      // The request itself was never sent; only a failing token endpoint is worth another try.
      return credentials.retryable() && context.retryPolicy.retryConnectionFailures()
          ? new Decision(true, false, false, "credentials unavailable", null) : Decision.STOP;
    }
    boolean timeout = isTimeout(failure);
    boolean allowed = timeout ? context.retryPolicy.retryTimeouts() : context.retryPolicy.retryConnectionFailures();
    String reason = timeout ? "timed out" : "connection failed";
    if (!context.lastAttemptSent) {
      return allowed ? new Decision(true, false, timeout, reason + " before sending", null) : Decision.STOP;
    }
    if (!context.safeToRepeat || context.oneShotBody) {
      return new Decision(false, !context.safeToRepeat, timeout, reason, null);
    }
    return allowed ? new Decision(true, false, timeout, reason, null) : Decision.STOP;
  }

  /**
   * Whether an attempt's request may have reached the server: OkHttp reported that it began writing the request
   * headers. Before that (DNS, connect, the TLS handshake, a dead pooled connection) nothing left the client.
   */
  private boolean sent(@Nullable IOException failure) {
    if (failure instanceof dev.bulwark.runtime.auth.CredentialsException) {
      return false;
    }
    return events.requestStarted || failure != null && !connectPhase(failure) && !trackedByOkHttp();
  }

  /**
   * Whether OkHttp ran the attempt, so that its events can be trusted; a failure thrown before the call started (by
   * another step) leaves none.
   */
  private boolean trackedByOkHttp() {
    return context.inFlight != null;
  }

  /** Whether this attempt may have been applied by the server, from what it answered or how it failed. */
  private boolean mayHaveApplied(@Nullable Response response, @Nullable IOException failure) {
    if (response != null) {
      return MAY_HAVE_APPLIED.test(response.code());
    }
    if (failure instanceof TransportStep.BodyTooLarge tooLarge) {
      // The server answered; only its body was too large to read.
      return tooLarge.statusCode < 300 || MAY_HAVE_APPLIED.test(tooLarge.statusCode);
    }
    return context.lastAttemptSent && !(failure instanceof dev.bulwark.runtime.auth.CredentialsException)
        && !(failure instanceof RedirectStep.Refused);
  }

  /** Statuses after which the server may have applied the request: it failed while processing, or said nothing. */
  private static final java.util.function.IntPredicate MAY_HAVE_APPLIED =
      code -> code >= 500 && code != 503 && code != 501 && code != 505;

  /** Failures of the connect phase, by their type: no byte of the request can have left. */
  static boolean connectPhase(IOException failure) {
    if (failure instanceof ConnectException || failure instanceof UnknownHostException
        || failure instanceof NoRouteToHostException) {
      return true;
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
    return failure instanceof SocketTimeoutException && message.contains("connect");
  }

  static boolean isTimeout(IOException failure) {
    return failure instanceof SocketTimeoutException
        || (failure instanceof InterruptedIOException && "timeout".equals(failure.getMessage()));
  }

  /** Whether to retry, and what the runtime must know if not. */
  private record Decision(
      boolean retry, boolean outcomeUnknown, boolean timeout, String reason, @Nullable Duration serverHint) {
    static final Decision STOP = new Decision(false, false, false, "", null);
  }
}
