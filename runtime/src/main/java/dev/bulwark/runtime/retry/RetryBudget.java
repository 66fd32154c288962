package dev.bulwark.runtime.retry;

/**
 * A token bucket that every retry draws from, shared by all operations of a client (or of every client sharing one
 * context), so that during an outage retries stop and the load on the server stays close to that of first attempts.
 * First attempts never draw from it.
 *
 * <p>The numbers follow the AWS SDKs' standard retry quota: 500 tokens; a retry costs 5 (10 after a timeout, which
 * ties up the server longest); a retry that succeeds gives its tokens back, and a first attempt that succeeds adds 1.
 * In a full outage, at most 100 retries go out before retries stop. Thread-safe.
 */
public final class RetryBudget {
  private final int capacity;
  private final int retryCost;
  private final int timeoutRetryCost;
  private final int successReward;
  private int available;

  /**
   * @param capacity tokens when full
   * @param retryCost tokens one retry takes
   * @param timeoutRetryCost tokens a retry after a timeout takes
   * @param successReward tokens a first-attempt success adds back
   */
  public RetryBudget(int capacity, int retryCost, int timeoutRetryCost, int successReward) {
    if (capacity < 0 || retryCost < 0 || timeoutRetryCost < 0 || successReward < 0) {
      throw new IllegalArgumentException("retry budget numbers must not be negative");
    }
    this.capacity = capacity;
    this.retryCost = retryCost;
    this.timeoutRetryCost = timeoutRetryCost;
    this.successReward = successReward;
    this.available = capacity;
  }

  /** 500 tokens, 5 per retry, 10 per retry after a timeout, 1 back per first-attempt success. */
  public static RetryBudget standard() {
    return new RetryBudget(500, 5, 10, 1);
  }

  /** A budget that never runs out: retries are limited only by each call's policy. */
  public static RetryBudget unlimited() {
    return new RetryBudget(Integer.MAX_VALUE, 0, 0, 0);
  }

  /**
   * Takes the tokens for one retry.
   *
   * @return the tokens taken, to pass to {@link #onSuccess(int)} if the retry succeeds; -1 if the budget cannot pay
   *     and the retry must not happen
   */
  public synchronized int tryAcquire(boolean afterTimeout) {
    int cost = afterTimeout ? timeoutRetryCost : retryCost;
    if (cost > available) {
      return -1;
    }
    available -= cost;
    return cost;
  }

  /**
   * Records a successful call.
   *
   * @param acquired the tokens its last retry took, or 0 if it succeeded at the first attempt
   */
  public synchronized void onSuccess(int acquired) {
    long refill = acquired > 0 ? acquired : successReward;
    available = (int) Math.min(capacity, available + refill);
  }

  /** Tokens left now. */
  public synchronized int available() {
    return available;
  }

  /** Tokens when full. */
  public int capacity() {
    return capacity;
  }

  @Override
  public synchronized String toString() {
    return "RetryBudget{available=" + available + "/" + capacity + ", retryCost=" + retryCost
        + ", timeoutRetryCost=" + timeoutRetryCost + "}";
  }
}
