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
