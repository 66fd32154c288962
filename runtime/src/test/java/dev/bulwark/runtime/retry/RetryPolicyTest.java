package dev.bulwark.runtime.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RetryPolicy NO_JITTER = RetryPolicy.defaults().toBuilder().jitter(Jitter.NONE).build();

  @Test
  void delaysGrowByTheMultiplierUpToTheCap() {
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8).stream().map(n -> NO_JITTER.backoff(n, 0.9).toMillis()))
        .containsExactly(250L, 500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L);
  }

  @Test
  void fullJitterSpreadsFromZeroToTheDelay() {
    RetryPolicy full = RetryPolicy.defaults();
    assertThat(full.backoff(3, 0.0)).isEqualTo(Duration.ZERO);
    assertThat(full.backoff(3, 0.25)).isEqualTo(Duration.ofMillis(250));
    assertThat(full.backoff(3, 0.999)).isLessThan(Duration.ofMillis(1000));
  }

  @Test
  void equalJitterKeepsAtLeastHalf() {
    RetryPolicy equal = RetryPolicy.defaults().toBuilder().jitter(Jitter.EQUAL).build();
    assertThat(equal.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(equal.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void invalidSettingsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .hasMessageContaining("maxAttempts must be at least 1");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> TimeoutPolicy.builder().call(Duration.ZERO)).hasMessageContaining("must be positive");
  }

  @Test
  void budgetFollowsTheStandardQuota() {
    // The AWS SDKs' standard-mode case "500, 500, 200": 500 tokens, two retries, then a success refunds the last.
    RetryBudget budget = RetryBudget.standard();
    assertThat(budget.tryAcquire(false)).isEqualTo(5);
    assertThat(budget.available()).isEqualTo(495);
    int second = budget.tryAcquire(false);
    assertThat(budget.available()).isEqualTo(490);
    budget.onSuccess(second);
    assertThat(budget.available()).isEqualTo(495);
    // "Retry quota reached after a single retry": 5 tokens pay for one retry, not two.
    RetryBudget small = new RetryBudget(5, 5, 10, 1);
    assertThat(small.tryAcquire(false)).isEqualTo(5);
    assertThat(small.tryAcquire(false)).isEqualTo(-1);
    assertThat(new RetryBudget(500, 5, 10, 1).tryAcquire(true)).isEqualTo(10);
  }

  @Test
  void serverHintsParseEveryForm() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    assertThat(ServerHints.retryAfter(Map.of("retry-after", List.of("7")), clock)).contains(Duration.ofSeconds(7));
    assertThat(ServerHints.retryAfter(Map.of("retry-after", List.of("Mon, 30 Nov 2026 10:01:00 GMT")), clock))
        .contains(Duration.ofSeconds(60));
    assertThat(ServerHints.retryAfter(Map.of("retry-after", List.of("Mon, 30 Nov 2026 09:00:00 GMT")), clock))
        .contains(Duration.ZERO);
    assertThat(ServerHints.retryAfter(Map.of("retry-after-ms", List.of("250.5")), clock))
        .contains(Duration.ofNanos(250_500_000));
    assertThat(ServerHints.retryAfter(Map.of("ratelimit-reset", List.of("12")), clock))
        .contains(Duration.ofSeconds(12));
    assertThat(ServerHints.retryAfter(Map.of("retry-after", List.of("soon")), clock)).isEmpty();
    assertThat(ServerHints.retryDecision(Map.of("x-should-retry", List.of("TRUE")), "X-Should-Retry")).contains(true);
    assertThat(ServerHints.retryDecision(Map.of(), "x-should-retry")).isEmpty();
  }
}
