package dev.bulwark.generator.emit;

import com.palantir.javapoet.CodeBlock;
import dev.bulwark.generator.model.ResilienceModel;
import dev.bulwark.generator.model.RetrySettings;
import dev.bulwark.generator.model.TimeoutSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Emits an operation's resilience settings as {@code OperationSpec.Builder} calls: only what the spec changes from
 * the runtime defaults, so that the defaults stay in one place, the runtime.
 */
final class ResilienceEmitter {
  private ResilienceEmitter() {}

  /** The retry policy and timeouts of an operation, as {@code SharedSettings} kinds. */
  static final SharedSettings.Kind RETRY = new SharedSettings.Kind(EmitContext.RETRY_POLICY, "RETRY_POLICY",
      "retry policy", operation -> retry(operation.resilience().retry()));
  static final SharedSettings.Kind TIMEOUTS = new SharedSettings.Kind(EmitContext.TIMEOUT_POLICY, "TIMEOUTS",
      "timeouts", operation -> timeouts(operation.resilience().timeouts()));

  /** The builder calls of an operation's resilience settings, the policies shared with others by their constants. */
  static CodeBlock operationSettings(dev.bulwark.generator.model.OperationModel operation, SharedSettings shared) {
    ResilienceModel resilience = operation.resilience();
    CodeBlock.Builder code = CodeBlock.builder();
    resilience.idempotent().ifPresent(idempotent -> code.add("\n.idempotent($L)", idempotent));
    resilience.idempotencyKeyHeader().ifPresent(header -> code.add("\n.idempotencyKeyHeader($S)", header));
    shared.of(RETRY, operation).ifPresent(policy -> code.add("\n.retryPolicy($L)", policy));
    shared.of(TIMEOUTS, operation).ifPresent(policy -> code.add("\n.timeouts($L)", policy));
    return code.build();
  }

  private static Optional<CodeBlock> retry(RetrySettings retry) {
    if (retry.disabled().orElse(false)) {
      return Optional.of(CodeBlock.of("$T.none()", EmitContext.RETRY_POLICY));
    }
    CodeBlock.Builder changes = CodeBlock.builder();
    retry.maxAttempts().ifPresent(n -> changes.add("\n.maxAttempts($L)", n));
    retry.initialDelay().ifPresent(d -> changes.add("\n.initialDelay($L)", duration(d)));
    retry.maxDelay().ifPresent(d -> changes.add("\n.maxDelay($L)", duration(d)));
    retry.multiplier().ifPresent(m -> changes.add("\n.multiplier($L)", m));
    retry.jitter().ifPresent(j -> changes.add("\n.jitter($T.$L)", EmitContext.JITTER, j.toUpperCase(Locale.ROOT)));
    retry.retryStatuses().ifPresent(statuses -> changes.add("\n.retryStatuses($L)", statusSet(statuses)));
    retry.retryConnection().ifPresent(b -> changes.add("\n.retryConnectionFailures($L)", b));
    retry.retryTimeout().ifPresent(b -> changes.add("\n.retryTimeouts($L)", b));
    retry.maxRetryAfter().ifPresent(d -> changes.add("\n.maxRetryAfter($L)", duration(d)));
    return changed(changes.build(), EmitContext.RETRY_POLICY);
  }

  private static Optional<CodeBlock> timeouts(TimeoutSettings timeouts) {
    CodeBlock.Builder changes = CodeBlock.builder();
    set(changes, "connect", timeouts.connect());
    set(changes, "read", timeouts.read());
    set(changes, "write", timeouts.write());
    set(changes, "attempt", timeouts.attempt());
    set(changes, "call", timeouts.call());
    return changed(changes.build(), EmitContext.TIMEOUT_POLICY);
  }

  private static void set(CodeBlock.Builder changes, String name, Optional<Duration> value) {
    value.ifPresent(d -> changes.add("\n.$L($L)", name, duration(d)));
  }

  private static Optional<CodeBlock> changed(CodeBlock changes, com.palantir.javapoet.ClassName policy) {
    return changes.isEmpty()
        ? Optional.empty()
        : Optional.of(CodeBlock.of("$T.defaults().toBuilder()$>$>$L\n.build()$<$<", policy, changes));
  }

  private static CodeBlock duration(Duration duration) {
    if (duration.toNanos() % 1_000_000 != 0) {
      return CodeBlock.of("$T.ofNanos($LL)", Duration.class, duration.toNanos());
    }
    if (duration.toMillis() % 1000 == 0) {
      return CodeBlock.of("$T.ofSeconds($LL)", Duration.class, duration.toSeconds());
    }
    return CodeBlock.of("$T.ofMillis($LL)", Duration.class, duration.toMillis());
  }

  /** {@code RetryPolicy.statuses("429", "5XX")}: whole classes of statuses are written as classes. */
  private static CodeBlock statusSet(Set<Integer> statuses) {
    TreeSet<Integer> remaining = new TreeSet<>(statuses);
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int hundred = 100; hundred <= 500; hundred += 100) {
      boolean whole = true;
      for (int code = hundred; code < hundred + 100 && whole; code++) {
        whole = remaining.contains(code);
      }
      if (whole) {
        remaining.subSet(hundred, hundred + 100).clear();
        arguments.add(arguments.isEmpty() ? "$S" : ", $S", (hundred / 100) + "XX");
      }
    }
    for (int code : remaining) {
      arguments.add(arguments.isEmpty() ? "$S" : ", $S", String.valueOf(code));
    }
    return CodeBlock.of("$T.statuses($L)", EmitContext.RETRY_POLICY, arguments.build());
  }

}
