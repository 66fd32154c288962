package dev.bulwark.runtime;

import dev.bulwark.runtime.error.BulwarkException;
import dev.bulwark.runtime.error.ConnectionException;
import dev.bulwark.runtime.error.ErrorContext;
import dev.bulwark.runtime.error.OutcomeUnknownException;
import dev.bulwark.runtime.error.RetryBudgetExhaustedException;
import dev.bulwark.runtime.error.TimedOutException;
import dev.bulwark.runtime.retry.Ticker;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Maps how a call ended to the exception the caller gets: a transport failure to its kind (connection, timeout of
 * which limit, outcome unknown, credentials, a refused redirect, a body too large), a failure the retry budget cut
 * short to the budget's exception, each with the call's {@link ErrorContext}.
 */
final class FailureMapper {
  private final Ticker ticker;

  FailureMapper(Ticker ticker) {
    this.ticker = ticker;
  }

  /** The exception a final transport failure maps to. */
  BulwarkException failure(IOException e, CallContext context) {
    return budgetAware(transportFailure(e, context), context);
  }

  /** {@code failure}, or for a call whose retries the budget stopped, the budget's exception around it. */
  BulwarkException budgetAware(BulwarkException failure, CallContext context) {
    return context.stop == CallContext.Stop.BUDGET
        ? new RetryBudgetExhaustedException(errorContext(context), failure)
        : failure;
  }

  /** Where and how the call failed, as its exception tells it. */
  ErrorContext errorContext(CallContext context) {
    return new ErrorContext(context.call.operation(), Math.max(1, context.attempts),
        Duration.ofNanos(ticker.nanoTime() - context.startNanos), context.idempotencyKey, context.possiblyApplied,
        context.correlationId);
  }

  /** The exception of a transport failure: its kind from the failure and from why the runtime stopped. */
  private BulwarkException transportFailure(IOException e, CallContext context) {
    ErrorContext errorContext = errorContext(context);
    if (e instanceof dev.bulwark.runtime.auth.CredentialsException credentials) {
      return new dev.bulwark.runtime.error.CredentialsUnavailableException(errorContext, credentials);
    }
    if (e instanceof TransportStep.BodyTooLarge tooLarge) {
      return new dev.bulwark.runtime.error.ResponseNotUnderstoodException(errorContext, tooLarge.statusCode,
          "it is larger than the " + tooLarge.limit + " bytes this client reads into memory ("
              + tooLarge.getMessage() + "); raise maxResponseBodyBytes on the client builder or in RequestOptions",
          tooLarge.excerpt, null);
    }
    if (e instanceof RedirectStep.Refused refused) {
      return new dev.bulwark.runtime.error.RedirectRefusedException(errorContext, refused.statusCode,
          refused.targetOrigin, refused.getMessage());
    }
    if (context.stop == CallContext.Stop.OUTCOME_UNKNOWN) {
      return new OutcomeUnknownException(errorContext, e);
    }
    if (e instanceof InterruptedIOException) {
      TimeoutPolicy limits = context.timeouts;
      if (!context.lastAttemptSent && RetryController.connectPhase(e)) {
        return new TimedOutException(errorContext, TimedOutException.Kind.CONNECT, limits.connect(), e);
      }
      if (e instanceof java.net.SocketTimeoutException) {
        return new TimedOutException(errorContext, TimedOutException.Kind.READ, limits.read(), e);
      }
      boolean deadlinePassed = context.stop == CallContext.Stop.DEADLINE
          || context.remaining(ticker.nanoTime()).compareTo(Duration.ofMillis(1)) < 0;
      return deadlinePassed
          ? new TimedOutException(errorContext, TimedOutException.Kind.DEADLINE, limits.call(), e)
          : new TimedOutException(errorContext, TimedOutException.Kind.ATTEMPT, limits.attempt(), e);
    }
    return new ConnectionException(errorContext, e);
  }
}
