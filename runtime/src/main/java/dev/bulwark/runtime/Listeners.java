package dev.bulwark.runtime;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to every {@link CallListener}; a listener that throws is logged and skipped. */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<CallListener> listeners;

  Listeners(List<CallListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  void attemptStarted(OperationSpec operation, int attempt) {
    each(listener -> listener.attemptStarted(operation, attempt));
  }

  void attemptFinished(OperationSpec operation, int attempt, int status, @Nullable Throwable failure, Duration took) {
    each(listener -> listener.attemptFinished(operation, attempt, status, failure, took));
  }

  void retryScheduled(OperationSpec operation, int next, Duration delay, String reason, @Nullable Duration hint) {
    each(listener -> listener.retryScheduled(operation, next, delay, reason, hint));
  }

  void gaveUp(OperationSpec operation, int attempts, String reason) {
    each(listener -> listener.gaveUp(operation, attempts, reason));
  }

  private void each(java.util.function.Consumer<CallListener> event) {
    for (CallListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("call listener {} failed; the call goes on", listener.getClass().getName(), e);
      }
    }
  }
}
