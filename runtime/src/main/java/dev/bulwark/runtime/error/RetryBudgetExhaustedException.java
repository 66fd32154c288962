package dev.bulwark.runtime.error;

/**
 * A call failed with a retryable error, but the client's retry budget, shared by all its calls, is spent: so many
 * calls are failing that retrying would only add load. The last failure is the {@link #getCause() cause} and
 * {@link #lastFailure()}.
 */
public class RetryBudgetExhaustedException extends BulwarkException {
  private static final long serialVersionUID = 1L;

  private final BulwarkException lastFailure;

  public RetryBudgetExhaustedException(ErrorContext context, BulwarkException lastFailure) {
    super(
        describe(context) + " failed and was not retried: the client's retry budget is exhausted because many"
            + " recent calls failed. Last failure: " + lastFailure.messageWithoutAdvice(),
        ErrorCategory.RETRY_BUDGET_EXHAUSTED,
        context,
        lastFailure);
    this.lastFailure = lastFailure;
  }

  /** The failure that would have been retried. */
  public BulwarkException lastFailure() {
    return lastFailure;
  }
}
