package dev.bulwark.runtime;

import dev.bulwark.runtime.retry.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The blocking retry loop: sends attempts through the rest of the chain until the {@link RetryController} says stop,
 * sleeping between them. Returns the last response or throws the last transport failure.
 */
final class RetryStep implements CallStep {
  private final Function<CallContext, RetryController> controllers;
  private final Sleeper sleeper;

  RetryStep(Function<CallContext, RetryController> controllers, Sleeper sleeper) {
    this.controllers = controllers;
    this.sleeper = sleeper;
  }

  @Override
  public Response proceed(Request request, Chain chain) throws IOException {
    RetryController controller = controllers.apply(chain.context());
    while (true) {
      Request attempt = controller.startAttempt(request);
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(attempt);
      } catch (IOException e) {
        failure = e;
      }
      Duration delay = controller.afterAttempt(response, failure);
      if (delay == null) {
        return result(response, failure);
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to retry");
      }
    }
  }

  private static Response result(@Nullable Response response, @Nullable IOException failure) throws IOException {
    if (response != null) {
      return response;
    }
    throw failure;
  }
}
