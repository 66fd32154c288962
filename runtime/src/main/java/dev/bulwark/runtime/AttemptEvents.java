package dev.bulwark.runtime;

import okhttp3.Call;
import okhttp3.EventListener;
import org.jspecify.annotations.Nullable;

/**
 * What OkHttp reported of one attempt, so that "nothing was sent" is known rather than guessed from an exception's
 * type: an attempt that failed before its request headers began to be written (DNS, connect, TLS handshake, a pooled
 * connection found dead) never reached the server and is safe to send again whatever its method.
 */
final class AttemptEvents {
  volatile boolean requestStarted;

  /** A listener that records the events of the attempt its call's request is tagged with, after the user's own. */
  static EventListener.Factory tracking(EventListener.Factory users) {
    return call -> users.create(call).plus(new Tracker());
  }

  private static final class Tracker extends EventListener {
    @Override
    public void requestHeadersStart(Call call) {
      @Nullable AttemptEvents events = call.request().tag(AttemptEvents.class);
      if (events != null) {
        events.requestStarted = true;
      }
    }
  }
}
