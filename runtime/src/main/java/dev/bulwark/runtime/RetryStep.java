package dev.bulwark.runtime;

import dev.bulwark.runtime.retry.RetryBudget;
import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.ServerHints;
import dev.bulwark.runtime.retry.Sleeper;
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
 * Sends attempts until one succeeds, the failure is not retryable, or a limit is reached: the policy's attempts, the
 * call's deadline, the server's requested wait, or the shared retry budget.
 *
 * <p>It returns the last response (success or not) or throws the last transport failure, and records in the
 * {@link CallContext} why it stopped, so that the runtime raises the right exception.
 */
final class RetryStep implements CallStep {
  /** Statuses by which a server says it did not process the request: safe to retry for any method. */
  private static final Set<Integer> NOT_PROCESSED = Set.of(408, 429, 503);

  private final RetryBudget budget;
  private final Listeners listeners;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;

  RetryStep(RetryBudget budget, Listeners listeners, Ticker ticker, Sleeper sleeper, Clock clock,
      DoubleSupplier random) {
    this.budget = budget;
    this.listeners = listeners;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Response proceed(Request request, Chain chain) throws IOException {
    CallContext context = chain.context();
    RetryPolicy policy = context.retryPolicy;
    var operation = context.call.operation();
    int acquired = 0;
    for (int attempt = 1; ; attempt++) {
      context.attempts = attempt;
      long attemptStart = ticker.nanoTime();
      Duration remaining = context.remaining(attemptStart);
      Request tagged = request.newBuilder().tag(AttemptTimeouts.class, timeouts(context, remaining)).build();
      listeners.attemptStarted(operation, attempt);
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(tagged);
      } catch (IOException e) {
        failure = e;
      }
      Duration took = Duration.ofNanos(ticker.nanoTime() - attemptStart);
      listeners.attemptFinished(operation, attempt, response == null ? -1 : response.code(), failure, took);

      Decision decision = response != null ? decide(response, context) : decide(failure, context);
      if (!decision.retry) {
        if (response != null && response.isSuccessful()) {
          budget.onSuccess(acquired);
        }
        if (decision.outcomeUnknown) {
          context.stop = CallContext.Stop.OUTCOME_UNKNOWN;
        }
        return result(response, failure);
      }
      if (attempt >= policy.maxAttempts()) {
        listeners.gaveUp(operation, attempt, "max attempts (" + policy.maxAttempts() + ") reached");
        return result(response, failure);
      }
      Duration delay = policy.backoff(attempt, random.getAsDouble());
      Duration hint = decision.serverHint;
      if (hint != null) {
        if (hint.compareTo(policy.maxRetryAfter()) > 0) {
          listeners.gaveUp(operation, attempt, "server asked to wait " + hint.toMillis() + " ms, more than the "
              + policy.maxRetryAfter().toMillis() + " ms the policy honours");
          return result(response, failure);
        }
        // The server's wait is a floor: never retry sooner than asked.
        delay = hint.compareTo(delay) > 0 ? hint : delay;
      }
      long now = ticker.nanoTime();
      if (context.remaining(now).compareTo(delay) <= 0) {
        // A wait that would end past the deadline is not started.
        context.stop = CallContext.Stop.DEADLINE;
        listeners.gaveUp(operation, attempt, "waiting " + delay.toMillis() + " ms would pass the call's deadline");
        return result(response, failure);
      }
      int cost = budget.tryAcquire(decision.timeout);
      if (cost < 0) {
        context.stop = CallContext.Stop.BUDGET;
        listeners.gaveUp(operation, attempt, "retry budget exhausted");
        return result(response, failure);
      }
      acquired = cost;
      if (response != null) {
        response.close();
      }
      listeners.retryScheduled(operation, attempt + 1, delay, decision.reason, hint);
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to retry");
      }
    }
  }

  private static Response result(@Nullable Response response, @Nullable IOException failure) throws IOException {
    if (response != null) {
      return response;
    }
    throw failure;
  }

  private static AttemptTimeouts timeouts(CallContext context, Duration remaining) {
    Duration attempt = context.timeouts.attempt().compareTo(remaining) < 0 ? context.timeouts.attempt() : remaining;
    if (attempt.isNegative() || attempt.isZero()) {
      attempt = Duration.ofMillis(1);
    }
    return new AttemptTimeouts(context.timeouts.connect(), context.timeouts.read(), context.timeouts.write(), attempt);
  }

  private Decision decide(Response response, CallContext context) {
    if (response.isSuccessful() || response.code() < 400) {
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

  private static Decision decide(IOException failure, CallContext context) {
    boolean timeout = isTimeout(failure);
    boolean allowed = timeout ? context.retryPolicy.retryTimeouts() : context.retryPolicy.retryConnectionFailures();
    String reason = timeout ? "timed out" : "connection failed";
    if (neverSent(failure)) {
      return allowed ? new Decision(true, false, timeout, reason + " before sending", null) : Decision.STOP;
    }
    if (!context.safeToRepeat) {
      return new Decision(false, true, timeout, reason, null);
    }
    return allowed ? new Decision(true, false, timeout, reason, null) : Decision.STOP;
  }

  /** Failures that happen before any byte of the request leaves: safe to retry for every method. */
  static boolean neverSent(IOException failure) {
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
