package dev.bulwark.e2e;

import dev.bulwark.runtime.retry.Sleeper;
import dev.bulwark.runtime.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time for tests: waits are recorded and move the clocks forward instead of sleeping. */
final class FakeTime {
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  Ticker ticker() {
    return nanos::get;
  }

  Sleeper sleeper() {
    return duration -> {
      waits.add(duration);
      nanos.addAndGet(duration.toNanos());
    };
  }

  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
