package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import org.jspecify.annotations.Nullable;

/**
 * The base of every exception a generated client throws. Unchecked, so that Kotlin and Java callers handle it where
 * they choose; catch a subclass to handle one kind of failure, or switch on {@link #category()}.
 *
 * <p>Messages name the operation, its HTTP method and URL template, never query values or credentials.
 */
public abstract class BulwarkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCategory category;
  private final transient OperationSpec operation;

  protected BulwarkException(
      String message, ErrorCategory category, OperationSpec operation, @Nullable Throwable cause) {
    super(message, cause);
    this.category = category;
    this.operation = operation;
  }

  /** What kind of failure this is. */
  public ErrorCategory category() {
    return category;
  }

  /** Whether a failure of this kind may succeed when tried again; see {@link ErrorCategory#isRetryable()}. */
  public boolean isRetryable() {
    return category.isRetryable();
  }

  /** The operation that failed. */
  public OperationSpec operation() {
    return operation;
  }

  /** The failed operation's id from the spec. */
  public String operationId() {
    return operation.operationId();
  }

  /** Text that names the call, used at the start of every message: {@code getPet (GET /pets/{petId})}. */
  static String describe(OperationSpec operation) {
    return operation.operationId() + " (" + operation.method() + " " + operation.pathTemplate() + ")";
  }
}
