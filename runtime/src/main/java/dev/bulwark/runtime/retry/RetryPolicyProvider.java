package dev.bulwark.runtime.retry;

import dev.bulwark.runtime.OperationSpec;

/**
 * Chooses the retry policy of each call while the client runs, so that a feature flag or a runtime setting can switch
 * backoff profiles without rebuilding the client. Called once per call; must be quick and thread-safe.
 */
@FunctionalInterface
public interface RetryPolicyProvider {

  /**
   * @param operation the operation being called
   * @param configured the policy from the spec and the client builder
   * @return the policy to use for this call (per-call options may still override it)
   */
  RetryPolicy retryPolicy(OperationSpec operation, RetryPolicy configured);
}
