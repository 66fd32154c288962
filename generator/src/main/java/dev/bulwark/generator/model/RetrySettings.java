package dev.bulwark.generator.model;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Retry settings from the spec, each absent unless some level sets it; later levels (path, operation) override
 * earlier ones field by field with {@link #overriddenBy}.
 *
 * @param disabled {@code x-bulwark-retry: false}: one attempt only
 * @param retryStatuses statuses to retry, replacing the default set, when the spec lists {@code retryOn}
 * @param retryConnection whether connection failures are retried, when {@code retryOn} says
 * @param retryTimeout whether timeouts are retried, when {@code retryOn} says
 */
public record RetrySettings(
    Optional<Boolean> disabled,
    Optional<Integer> maxAttempts,
    Optional<Duration> initialDelay,
    Optional<Duration> maxDelay,
    Optional<Double> multiplier,
    Optional<String> jitter,
    Optional<Set<Integer>> retryStatuses,
    Optional<Boolean> retryConnection,
    Optional<Boolean> retryTimeout,
    Optional<Duration> maxRetryAfter) {

  public static final RetrySettings NONE = new RetrySettings(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  /** These settings with every field that {@code later} sets replaced by its value. */
  public RetrySettings overriddenBy(RetrySettings later) {
    return new RetrySettings(
        later.disabled.or(() -> disabled),
        later.maxAttempts.or(() -> maxAttempts),
        later.initialDelay.or(() -> initialDelay),
        later.maxDelay.or(() -> maxDelay),
        later.multiplier.or(() -> multiplier),
        later.jitter.or(() -> jitter),
        later.retryStatuses.or(() -> retryStatuses),
        later.retryConnection.or(() -> retryConnection),
        later.retryTimeout.or(() -> retryTimeout),
        later.maxRetryAfter.or(() -> maxRetryAfter));
  }

  /** Whether nothing is set, so the runtime defaults apply unchanged. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
