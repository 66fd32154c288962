package dev.bulwark.runtime.retry;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How long each part of a call may take. Every limit is set by default, so no call can hang: an attempt is bounded by
 * {@link #attempt()}, and the whole call, every attempt and every wait included, by {@link #call()}.
 */
public final class TimeoutPolicy {
  private static final TimeoutPolicy DEFAULTS = new Builder().build();

  private final Duration connect;
  private final Duration read;
  private final Duration write;
  private final Duration attempt;
  private final Duration call;
  /** Which limits were set on the builder, one bit each in field order: those an override changes. */
  private final int explicit;

  private TimeoutPolicy(Builder builder) {
    this.explicit = builder.explicit;
    this.connect = builder.connect;
    this.read = builder.read;
    this.write = builder.write;
    this.attempt = builder.attempt;
    this.call = builder.call;
  }

  /** Connect 10 s, read 30 s, write 30 s, attempt 30 s, call 60 s. */
  public static TimeoutPolicy defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * {@code base} with the limits set on this policy's builder: a client that sets only a read timeout keeps the
   * spec's connect, attempt and call limits. Limits this policy only took from the defaults are {@code base}'s.
   */
  public TimeoutPolicy over(TimeoutPolicy base) {
    Builder merged = base.toBuilder();
    if ((explicit & CONNECT) != 0) {
      merged.connect(connect);
    }
    if ((explicit & READ) != 0) {
      merged.read(read);
    }
    if ((explicit & WRITE) != 0) {
      merged.write(write);
    }
    if ((explicit & ATTEMPT) != 0) {
      merged.attempt(attempt);
    }
    if ((explicit & CALL) != 0) {
      merged.call(call);
    }
    return merged.build();
  }

  private static final int CONNECT = 1;
  private static final int READ = 2;
  private static final int WRITE = 4;
  private static final int ATTEMPT = 8;
  private static final int CALL = 16;

  /** Time to establish a connection. */
  public Duration connect() {
    return connect;
  }

  /** Longest silence while reading a response. */
  public Duration read() {
    return read;
  }

  /** Longest stall while writing a request. */
  public Duration write() {
    return write;
  }

  /** Bound on one attempt, from sending to reading the whole response. */
  public Duration attempt() {
    return attempt;
  }

  /** Bound on the whole call: every attempt and every wait between attempts. */
  public Duration call() {
    return call;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TimeoutPolicy that && connect.equals(that.connect) && read.equals(that.read)
        && write.equals(that.write) && attempt.equals(that.attempt) && call.equals(that.call);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connect, read, write, attempt, call);
  }

  @Override
  public String toString() {
    return "TimeoutPolicy{connect=" + connect + ", read=" + read + ", write=" + write + ", attempt=" + attempt
        + ", call=" + call + "}";
  }

  /** Builds a {@link TimeoutPolicy}; starts from the defaults. Every value must be positive. */
  public static final class Builder {
    private Duration connect = Duration.ofSeconds(10);
    private Duration read = Duration.ofSeconds(30);
    private Duration write = Duration.ofSeconds(30);
    private Duration attempt = Duration.ofSeconds(30);
    private Duration call = Duration.ofSeconds(60);
    private int explicit;

    private Builder() {}

    private Builder(TimeoutPolicy policy) {
      this.connect = policy.connect;
      this.read = policy.read;
      this.write = policy.write;
      this.attempt = policy.attempt;
      this.call = policy.call;
      this.explicit = policy.explicit;
    }

    public Builder connect(Duration connect) {
      this.connect = positive(connect, "connect");
      explicit |= CONNECT;
      return this;
    }

    public Builder read(Duration read) {
      this.read = positive(read, "read");
      explicit |= READ;
      return this;
    }

    public Builder write(Duration write) {
      this.write = positive(write, "write");
      explicit |= WRITE;
      return this;
    }

    public Builder attempt(Duration attempt) {
      this.attempt = positive(attempt, "attempt");
      explicit |= ATTEMPT;
      return this;
    }

    public Builder call(Duration call) {
      this.call = positive(call, "call");
      explicit |= CALL;
      return this;
    }

    public TimeoutPolicy build() {
      return new TimeoutPolicy(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " timeout must be positive (no timeout may be unbounded); was "
            + value);
      }
      return value;
    }
  }
}
