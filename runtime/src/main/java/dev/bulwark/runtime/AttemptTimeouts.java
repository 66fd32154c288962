package dev.bulwark.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The time limits of one attempt, carried to OkHttp as a request tag: the interceptor applies connect, read and
 * write limits to the attempt, and {@link TransportStep} bounds the whole attempt.
 */
record AttemptTimeouts(Duration connect, Duration read, Duration write, Duration attempt) {

  /** Applies the tagged limits; installed on the runtime's own view of the user's {@code OkHttpClient}. */
  static final Interceptor INTERCEPTOR = chain -> {
    AttemptTimeouts timeouts = chain.request().tag(AttemptTimeouts.class);
    if (timeouts == null) {
      return chain.proceed(chain.request());
    }
    Interceptor.Chain limited = chain
        .withConnectTimeout((int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
        .withReadTimeout((int) timeouts.read().toMillis(), TimeUnit.MILLISECONDS)
        .withWriteTimeout((int) timeouts.write().toMillis(), TimeUnit.MILLISECONDS);
    return proceed(limited);
  };

  private static Response proceed(Interceptor.Chain chain) throws IOException {
    return chain.proceed(chain.request());
  }
}
