package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The base of every exception a generated client throws. Unchecked, so that Kotlin and Java callers handle it where
 * they choose; catch a subclass to handle one kind of failure, or switch on {@link #category()}.
 *
 * <p>Messages are written for the person reading a log: what failed (operation, HTTP method, URL template, never
 * query values or credentials), what the server said, and what to do where that is known.
 */
public abstract class BulwarkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCategory category;
  private final transient ErrorContext context;

  protected BulwarkException(
      String message, ErrorCategory category, ErrorContext context, @Nullable Throwable cause) {
    super(message, cause);
    this.category = category;
    this.context = context;
  }

  /** What kind of failure this is. */
  public ErrorCategory category() {
    return category;
  }

  /**
   * Whether a failure of this kind may succeed when tried again; see {@link ErrorCategory#isRetryable()}. The runtime
   * has already retried where its policy allowed.
   */
  public boolean isRetryable() {
    return category.isRetryable();
  }

  /** The operation that failed. */
  public OperationSpec operation() {
    return context.operation();
  }

  /** The failed operation's id from the spec. */
  public String operationId() {
    return context.operation().operationId();
  }

  /** The HTTP method of the operation. */
  public String httpMethod() {
    return context.operation().method();
  }

  /** The operation's URL template, such as {@code /pets/{petId}}; never the URL with values. */
  public String urlTemplate() {
    return context.operation().pathTemplate();
  }

  /** Attempts made, the failed one included. */
  public int attempts() {
    return context.attempts();
  }

  /** Time from the call's start to the failure, waits between attempts included. */
  public Duration elapsed() {
    return context.elapsed();
  }

  /**
   * The idempotency key every attempt of this call carried (the caller's, or one the runtime generated), or
   * {@code null} for a call sent without one. To try a call that {@link #mayHaveBeenApplied() may have been applied}
   * again without applying it twice, send the same key:
   * {@code RequestOptions.builder().idempotencyKey(e.idempotencyKey()).build()}.
   */
  public @Nullable String idempotencyKey() {
    return context.idempotencyKey();
  }

  /**
   * Whether the server may have applied the request although the call failed: some attempt was sent and ended without
   * an answer that says it was not applied (a broken connection, a timeout, a 5xx other than 503). False when every
   * attempt was refused before sending, or answered with a status that says the request was not processed.
   */
  public boolean mayHaveBeenApplied() {
    return context.mayHaveBeenApplied();
  }

  /**
   * The id every attempt of this call carried in its correlation header ({@code X-Correlation-Id} by default), to find
   * the call in the server's logs and in this client's; {@code null} where none is known.
   */
  public @Nullable String correlationId() {
    return context == null ? null : context.correlationId();
  }

  /**
   * The message; for a call with an idempotency key, how to try it again safely; and the call's correlation id.
   */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    String correlation = correlationId();
    if (correlation != null) {
      // Beside the server's request id where the message names one: the two ids that find the call in logs.
      message = message == null || message.isEmpty() ? "correlation id " + correlation
          : message.endsWith(")") && message.contains("(request id ")
              ? message.substring(0, message.length() - 1) + ", correlation id " + correlation + ")"
              : message + " (correlation id " + correlation + ")";
    }
    String key = context == null ? null : context.idempotencyKey();
    if (key == null) {
      return message;
    }
    String joined = message == null || message.isEmpty() ? "" : message + (message.endsWith(".") ? " " : ". ");
    return joined + (context.mayHaveBeenApplied()
        ? "The server may have applied the request: to try again without applying it twice, send the same"
            + " idempotency key (RequestOptions.builder().idempotencyKey(e.idempotencyKey()), here \"" + key + "\")."
        : "Idempotency key \"" + key + "\"; the server did not apply the request.");
  }

  /** The message without the idempotency key's advice, for an exception that quotes another. */
  String messageWithoutAdvice() {
    return super.getMessage();
  }

  /**
   * A transport failure as a message may quote it: its type and message, the message cut to a bounded length and its
   * control characters replaced, since it may carry bytes a server sent (OkHttp's "Unexpected status line: ...").
   */
  static String causeText(Throwable cause) {
    String text = cause.getMessage();
    if (text == null) {
      return cause.getClass().getSimpleName();
    }
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < text.length() && clean.length() < MAX_CAUSE_TEXT; i++) {
      char c = text.charAt(i);
      clean.append(c < 0x20 || c == 0x7f || Character.isISOControl(c) ? '?' : c);
    }
    return cause.getClass().getSimpleName() + ": " + clean + (text.length() > MAX_CAUSE_TEXT ? "..." : "");
  }

  private static final int MAX_CAUSE_TEXT = 120;

  /** Text that names the call, used at the start of every message: {@code getPet (GET /pets/{petId})}. */
  static String describe(ErrorContext context) {
    OperationSpec operation = context.operation();
    return operation.operationId() + " (" + operation.method() + " " + operation.pathTemplate() + ")";
  }

  /** " after 3 attempts" when there was more than one, else nothing. */
  static String attemptsNote(ErrorContext context) {
    return context.attempts() > 1 ? " after " + context.attempts() + " attempts" : "";
  }
}
