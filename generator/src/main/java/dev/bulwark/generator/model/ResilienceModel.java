package dev.bulwark.generator.model;

import java.util.Optional;

/**
 * An operation's resilience settings as the spec sets them, root, path item and operation merged.
 *
 * @param idempotent {@code x-bulwark-idempotent}, when set; otherwise the HTTP method decides
 * @param idempotencyKeyHeader the header carrying the idempotency key, when keys are enabled
 */
public record ResilienceModel(
    RetrySettings retry, TimeoutSettings timeouts, Optional<Boolean> idempotent, Optional<String> idempotencyKeyHeader) {

  public static final ResilienceModel DEFAULTS =
      new ResilienceModel(RetrySettings.NONE, TimeoutSettings.NONE, Optional.empty(), Optional.empty());
}
