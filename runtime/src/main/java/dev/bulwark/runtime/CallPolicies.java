package dev.bulwark.runtime;

import dev.bulwark.runtime.retry.RetryPolicy;
import dev.bulwark.runtime.retry.RetryPolicyProvider;
import dev.bulwark.runtime.retry.TimeoutPolicy;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Resolves each call's retry policy and timeouts in one place, later sources winning value by value: the runtime
 * defaults, the spec's extensions (root, path, operation; merged into the {@link OperationSpec}), the client
 * builder, the {@link RetryPolicyProvider}, and the call's {@link RequestOptions}.
 */
final class CallPolicies {
  private final @Nullable RetryPolicy retryPolicy;
  private final @Nullable RetryPolicyProvider retryPolicyProvider;
  private final @Nullable TimeoutPolicy timeouts;

  CallPolicies(@Nullable RetryPolicy retryPolicy, @Nullable RetryPolicyProvider retryPolicyProvider,
      @Nullable TimeoutPolicy timeouts) {
    this.retryPolicy = retryPolicy;
    this.retryPolicyProvider = retryPolicyProvider;
    this.timeouts = timeouts;
  }

  /** The call's retry policy: the spec's, then the client's, the provider's and the call's, later ones winning. */
  RetryPolicy retryPolicy(ApiRequest call) {
    RetryPolicy policy = retryPolicy != null ? retryPolicy.over(call.operation().retryPolicy())
        : call.operation().retryPolicy();
    if (retryPolicyProvider != null) {
      policy = Objects.requireNonNull(retryPolicyProvider.retryPolicy(call.operation(), policy),
          "the RetryPolicyProvider returned null");
    }
    RetryPolicy perCall = call.options().retryPolicy();
    return perCall != null ? perCall.over(policy) : policy;
  }

  /** The call's timeouts: the spec's, then the client's and the call's, value by value. */
  TimeoutPolicy timeouts(ApiRequest call) {
    TimeoutPolicy resolved = timeouts != null ? timeouts.over(call.operation().timeouts())
        : call.operation().timeouts();
    RequestOptions options = call.options();
    if (options.callTimeout() == null && options.attemptTimeout() == null) {
      return resolved;
    }
    TimeoutPolicy.Builder builder = resolved.toBuilder();
    if (options.callTimeout() != null) {
      builder.call(options.callTimeout());
    }
    if (options.attemptTimeout() != null) {
      builder.attempt(options.attemptTimeout());
    }
    return builder.build();
  }
}
