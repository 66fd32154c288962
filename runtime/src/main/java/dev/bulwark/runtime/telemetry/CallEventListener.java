package dev.bulwark.runtime.telemetry;

/**
 * Hears every event of every call of a client, on the thread where it happens (the caller's, or an HTTP client
 * thread for an asynchronous call, the caller's logging context restored). Keep it quick. A listener that throws is
 * logged and ignored; the call goes on.
 *
 * <pre>{@code
 * client = PetStoreClient.builder()
 *     .eventListener(event -> {
 *       if (event instanceof CallEvent.RetryScheduled retry) {
 *         log.info("retrying {} in {}: {}", retry.call().operationId(), retry.delay(), retry.reason());
 *       }
 *     })
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface CallEventListener {
  void onEvent(CallEvent event);
}
