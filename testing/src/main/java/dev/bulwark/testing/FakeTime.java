package dev.bulwark.testing;

import dev.bulwark.runtime.retry.Sleeper;
import dev.bulwark.runtime.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Time that passes only when the client waits: give it to the client builder as its {@code sleeper}, {@code ticker}
 * and {@code clock}, and a retry's backoff or a server's {@code Retry-After} advances it at once instead of taking
 * real seconds. {@link #waits()} lists every wait, in order. For blocking calls: an asynchronous call's waits are
 * scheduled on real time. Thread-safe.
 *
 * <pre>{@code
 * FakeTime time = new FakeTime();
 * PetStoreClient client = PetStoreClient.builder().baseUrl(server.url())
 *     .sleeper(time).ticker(time).clock(time.clock()).build();
 * }</pre>
 */
public final class FakeTime implements Sleeper, Ticker {
  private final Instant start;
  private long nanos;
  private final List<Duration> waits = new ArrayList<>();

  /** Time starting at 2026-01-01T00:00:00Z. */
  public FakeTime() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public FakeTime(Instant start) {
    this.start = start;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    waits.add(duration);
    nanos += duration.toNanos();
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  /** Moves time on, as if the caller had waited. */
  public synchronized void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  /** The waits the client made, in order. */
  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** A wall clock that follows this time, for server waits given as dates. */
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return start.plusNanos(nanoTime());
      }
    };
  }
}
