package dev.bulwark.runtime;

import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The per-attempt position of the call pipeline: each attempt, blocking or asynchronous, passes through the call's
 * observers ({@link dev.bulwark.runtime.telemetry.CallInterceptor.Observer#attempt}) before redirects,
 * authentication and the transport.
 */
final class ObserverStep implements CallStep {
  @Override
  public Response proceed(Request request, Chain chain) throws IOException {
    CallContext context = chain.context();
    return context.events.attempt(context.attempts, request, chain::proceed);
  }
}
