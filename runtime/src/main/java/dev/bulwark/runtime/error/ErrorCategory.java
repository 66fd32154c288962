package dev.bulwark.runtime.error;

/** What kind of failure a {@link BulwarkException} reports, for callers that decide by kind rather than by class. */
public enum ErrorCategory {
  /** HTTP 400: the request was malformed; repeating it will not help. */
  BAD_REQUEST(false),
  /** HTTP 401: credentials are missing or wrong. */
  UNAUTHORIZED(false),
  /** HTTP 403: the credentials do not allow this operation. */
  PERMISSION_DENIED(false),
  /** HTTP 404: the addressed resource does not exist. */
  NOT_FOUND(false),
  /** HTTP 409: the request conflicts with the resource's current state. */
  CONFLICT(false),
  /** HTTP 422: the request was well-formed but its content was rejected. */
  UNPROCESSABLE(false),
  /** HTTP 429: the server asks the client to slow down. */
  RATE_LIMITED(true),
  /** HTTP 5xx: the server failed. */
  SERVER_ERROR(true),
  /** Any other status outside 2xx (for example 3xx without a redirect, 405 or 418). */
  UNEXPECTED_STATUS(false),
  /** The connection could not be made, or broke while the call was in flight. */
  CONNECTION(true),
  /** The call or one of its attempts ran out of time. */
  TIMEOUT(true),
  /** The response arrived but could not be read as the operation's declared type. */
  RESPONSE_NOT_UNDERSTOOD(false),
  /**
   * A request that is not safe to repeat failed after it may have reached the server: it may or may not have been
   * applied. Check the resource's state before trying again.
   */
  OUTCOME_UNKNOWN(false),
  /**
   * The call succeeded and its event stream began, then the server reported an error inside the stream (an
   * {@code error} event). Events already received stay valid.
   */
  STREAM_ERROR(false),
  /** Retries stopped because the client's retry budget is spent: too many calls are failing. */
  RETRY_BUDGET_EXHAUSTED(true);

  private final boolean retryable;

  ErrorCategory(boolean retryable) {
    this.retryable = retryable;
  }

  /** The category of a response status outside 2xx and 3xx: the one its {@link ApiStatusException} carries. */
  public static ErrorCategory ofStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> PERMISSION_DENIED;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 422 -> UNPROCESSABLE;
      case 429 -> RATE_LIMITED;
      default -> status >= 500 && status <= 599 ? SERVER_ERROR : UNEXPECTED_STATUS;
    };
  }

  /**
   * Whether a failure of this kind may succeed when tried again later. This is a property of the kind alone; whether a
   * particular call may be repeated also depends on the operation being safe to repeat.
   */
  public boolean isRetryable() {
    return retryable;
  }
}
