package dev.bulwark.runtime.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * When and how often a failed call is tried again. Immutable; derive variants with {@link #toBuilder()}.
 *
 * <p>Whatever the policy says, a call that is not safe to repeat (a POST or PATCH neither marked idempotent nor
 * carrying an idempotency key) is never repeated once its request may have reached the server: the runtime then
 * retries it only on connection failures before sending and on statuses that say the request was not processed (408,
 * 429, 503).
 */
public final class RetryPolicy {
  /** The statuses retried by default. 500 is among them but, like read timeouts, only for calls safe to repeat. */
  public static final Set<Integer> DEFAULT_RETRY_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private static final RetryPolicy DEFAULTS = new Builder().build();

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final Jitter jitter;
  private final Set<Integer> retryStatuses;
  private final boolean retryConnectionFailures;
  private final boolean retryTimeouts;
  private final Duration maxRetryAfter;
  private final @Nullable String retryDecisionHeader;
  /** Which values were set on the builder, one bit each: those an override changes. */
  private final int explicit;

  private RetryPolicy(Builder builder) {
    this.explicit = builder.explicit;
    this.maxAttempts = builder.maxAttempts;
    this.initialDelay = builder.initialDelay;
    this.maxDelay = builder.maxDelay;
    this.multiplier = builder.multiplier;
    this.jitter = builder.jitter;
    this.retryStatuses = Set.copyOf(builder.retryStatuses);
    this.retryConnectionFailures = builder.retryConnectionFailures;
    this.retryTimeouts = builder.retryTimeouts;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.retryDecisionHeader = builder.retryDecisionHeader;
  }

  /**
   * Bulwark's defaults: 3 attempts, 250 ms doubling up to 8 s with full jitter, statuses 408, 429, 500, 502, 503,
   * 504, connection failures and timeouts, server waits honoured up to 60 s, and the {@code x-should-retry} header.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * {@code base} with the values set on this policy's builder: a client that sets only {@code maxAttempts(5)} keeps
   * the spec's statuses, delays and waits. Values this policy only took from the defaults are {@code base}'s.
   */
  public RetryPolicy over(RetryPolicy base) {
    Builder merged = base.toBuilder();
    if ((explicit & MAX_ATTEMPTS) != 0) {
      merged.maxAttempts(maxAttempts);
    }
    if ((explicit & INITIAL_DELAY) != 0) {
      merged.initialDelay(initialDelay);
    }
    if ((explicit & MAX_DELAY) != 0) {
      merged.maxDelay(maxDelay);
    }
    if ((explicit & MULTIPLIER) != 0) {
      merged.multiplier(multiplier);
    }
    if ((explicit & JITTER) != 0) {
      merged.jitter(jitter);
    }
    if ((explicit & STATUSES) != 0) {
      merged.retryStatuses(retryStatuses);
    }
    if ((explicit & CONNECTION_FAILURES) != 0) {
      merged.retryConnectionFailures(retryConnectionFailures);
    }
    if ((explicit & TIMEOUTS) != 0) {
      merged.retryTimeouts(retryTimeouts);
    }
    if ((explicit & MAX_RETRY_AFTER) != 0) {
      merged.maxRetryAfter(maxRetryAfter);
    }
    if ((explicit & DECISION_HEADER) != 0) {
      merged.retryDecisionHeader(retryDecisionHeader);
    }
    return merged.build();
  }

  private static final int MAX_ATTEMPTS = 1;
  private static final int INITIAL_DELAY = 2;
  private static final int MAX_DELAY = 4;
  private static final int MULTIPLIER = 8;
  private static final int JITTER = 16;
  private static final int STATUSES = 32;
  private static final int CONNECTION_FAILURES = 64;
  private static final int TIMEOUTS = 128;
  private static final int MAX_RETRY_AFTER = 256;
  private static final int DECISION_HEADER = 512;

  /** One attempt only. */
  public static RetryPolicy none() {
    return DEFAULTS.toBuilder().maxAttempts(1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A set of statuses written as codes ({@code "503"}) and classes ({@code "5XX"}), as specs write them.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Set<Integer> statuses(String... codesOrClasses) {
    Set<Integer> statuses = new TreeSet<>();
    for (String text : codesOrClasses) {
      String trimmed = text.trim();
      if (trimmed.matches("[1-5]\\d\\d")) {
        statuses.add(Integer.parseInt(trimmed));
      } else if (trimmed.matches("[1-5][xX][xX]")) {
        int first = (trimmed.charAt(0) - '0') * 100;
        for (int code = first; code < first + 100; code++) {
          statuses.add(code);
        }
      } else {
        throw new IllegalArgumentException("'" + text + "' is neither a status code (503) nor a class (5XX)");
      }
    }
    return Set.copyOf(statuses);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Attempts in all, the first included; 1 means no retries. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The delay before the first retry, before jitter. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** The longest delay between attempts, before jitter. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** How much each delay grows over the one before. */
  public double multiplier() {
    return multiplier;
  }

  public Jitter jitter() {
    return jitter;
  }

  /** Response statuses that may be retried. */
  public Set<Integer> retryStatuses() {
    return retryStatuses;
  }

  /** Whether failures to connect, or connections lost mid-call, may be retried. */
  public boolean retryConnectionFailures() {
    return retryConnectionFailures;
  }

  /** Whether timeouts may be retried. */
  public boolean retryTimeouts() {
    return retryTimeouts;
  }

  /**
   * The longest server-requested wait ({@code Retry-After} and kin) the client honours; a longer request fails the
   * call at once with a rate-limit error carrying the hint.
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The response header through which a server says {@code true} (retry) or {@code false} (do not), overriding the
   * status rules; {@code null} when none is read.
   */
  public @Nullable String retryDecisionHeader() {
    return retryDecisionHeader;
  }

  /**
   * The delay before retry number {@code retry} (1 for the first retry): {@code initialDelay * multiplier^(retry-1)},
   * capped at {@link #maxDelay()}, then jittered with {@code random}, a value in [0, 1).
   */
  public Duration backoff(int retry, double random) {
    double base = initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1));
    double capped = Math.min(base, maxDelay.toNanos());
    double jittered;
    switch (jitter) {
      case FULL:
        jittered = capped * random;
        break;
      case EQUAL:
        jittered = capped / 2 + capped / 2 * random;
        break;
      default:
        jittered = capped;
    }
    return Duration.ofNanos((long) jittered);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof RetryPolicy that)) {
      return false;
    }
    return maxAttempts == that.maxAttempts
        && initialDelay.equals(that.initialDelay)
        && maxDelay.equals(that.maxDelay)
        && Double.compare(multiplier, that.multiplier) == 0
        && jitter == that.jitter
        && retryStatuses.equals(that.retryStatuses)
        && retryConnectionFailures == that.retryConnectionFailures
        && retryTimeouts == that.retryTimeouts
        && maxRetryAfter.equals(that.maxRetryAfter)
        && Objects.equals(retryDecisionHeader, that.retryDecisionHeader);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialDelay, maxDelay, multiplier, jitter, retryStatuses,
        retryConnectionFailures, retryTimeouts, maxRetryAfter, retryDecisionHeader);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
        + ", multiplier=" + multiplier + ", jitter=" + jitter + ", retryStatuses=" + new TreeSet<>(retryStatuses)
        + ", retryConnectionFailures=" + retryConnectionFailures + ", retryTimeouts=" + retryTimeouts
        + ", maxRetryAfter=" + maxRetryAfter + ", retryDecisionHeader=" + retryDecisionHeader + "}";
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialDelay = Duration.ofMillis(250);
    private Duration maxDelay = Duration.ofSeconds(8);
    private double multiplier = 2.0;
    private Jitter jitter = Jitter.FULL;
    private Set<Integer> retryStatuses = DEFAULT_RETRY_STATUSES;
    private boolean retryConnectionFailures = true;
    private boolean retryTimeouts = true;
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private @Nullable String retryDecisionHeader = "x-should-retry";
    private int explicit;

    private Builder() {}

    private Builder(RetryPolicy policy) {
      this.maxAttempts = policy.maxAttempts;
      this.initialDelay = policy.initialDelay;
      this.maxDelay = policy.maxDelay;
      this.multiplier = policy.multiplier;
      this.jitter = policy.jitter;
      this.retryStatuses = policy.retryStatuses;
      this.retryConnectionFailures = policy.retryConnectionFailures;
      this.retryTimeouts = policy.retryTimeouts;
      this.maxRetryAfter = policy.maxRetryAfter;
      this.retryDecisionHeader = policy.retryDecisionHeader;
      this.explicit = policy.explicit;
    }

    /** Attempts in all, at least 1 (no retries). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1 (one attempt, no retries); was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      explicit |= MAX_ATTEMPTS;
      return this;
    }

    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = nonNegative(initialDelay, "initialDelay");
      explicit |= INITIAL_DELAY;
      return this;
    }

    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = nonNegative(maxDelay, "maxDelay");
      explicit |= MAX_DELAY;
      return this;
    }

    /** At least 1: delays never shrink. */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be a finite number of at least 1; was " + multiplier);
      }
      this.multiplier = multiplier;
      explicit |= MULTIPLIER;
      return this;
    }

    public Builder jitter(Jitter jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      explicit |= JITTER;
      return this;
    }

    public Builder retryStatuses(Set<Integer> retryStatuses) {
      this.retryStatuses = Set.copyOf(retryStatuses);
      explicit |= STATUSES;
      return this;
    }

    public Builder retryConnectionFailures(boolean retryConnectionFailures) {
      this.retryConnectionFailures = retryConnectionFailures;
      explicit |= CONNECTION_FAILURES;
      return this;
    }

    public Builder retryTimeouts(boolean retryTimeouts) {
      this.retryTimeouts = retryTimeouts;
      explicit |= TIMEOUTS;
      return this;
    }

    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      explicit |= MAX_RETRY_AFTER;
      return this;
    }

    /** The header through which a server tells the client to retry or not; {@code null} to ignore such headers. */
    public Builder retryDecisionHeader(@Nullable String header) {
      this.retryDecisionHeader = header;
      explicit |= DECISION_HEADER;
      return this;
    }

    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative; was " + value);
      }
      return value;
    }
  }
}
