package dev.bulwark.runtime.error;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with a status outside 2xx. Subclasses name the common statuses; {@link #of} picks the right one.
 * The server's error code and message are normalised from its declared error schema, an RFC 9457 problem document,
 * the spec's {@code x-bulwark-error} envelope, or a common envelope; see {@code docs/errors.md}.
 */
public class ApiStatusException extends BulwarkException {
  private static final long serialVersionUID = 1L;
  private static final int MESSAGE_TEXT_CHARS = 300;

  private final transient ErrorResponse response;

  protected ApiStatusException(ErrorCategory category, ErrorContext context, ErrorResponse response) {
    super(message(context, response, category), category, context, null);
    this.response = response;
  }

  /**
   * The exception for a response: {@link NotFoundException} for 404, {@link ServerErrorException} for 5xx, and so on;
   * a plain {@code ApiStatusException} with category {@link ErrorCategory#UNEXPECTED_STATUS} otherwise.
   */
  public static ApiStatusException of(ErrorContext context, ErrorResponse response) {
    return switch (ErrorCategory.ofStatus(response.statusCode())) {
      case BAD_REQUEST -> new BadRequestException(context, response);
      case UNAUTHORIZED -> new UnauthorizedException(context, response);
      case PERMISSION_DENIED -> new PermissionDeniedException(context, response);
      case NOT_FOUND -> new NotFoundException(context, response);
      case CONFLICT -> new ConflictException(context, response);
      case UNPROCESSABLE -> new UnprocessableEntityException(context, response);
      case RATE_LIMITED -> new RateLimitedException(context, response);
      case SERVER_ERROR -> new ServerErrorException(context, response);
      default -> new ApiStatusException(ErrorCategory.UNEXPECTED_STATUS, context, response);
    };
  }

  /**
   * Whether trying again may succeed: the server's explicit word where it gave one (the retry policy's decision
   * header, such as {@code x-should-retry: false} on a 503), else the kind's.
   */
  @Override
  public boolean isRetryable() {
    return dev.bulwark.runtime.retry.ServerHints.retryDecision(headers(),
        operation().retryPolicy().retryDecisionHeader()).orElse(super.isRetryable());
  }

  /** The HTTP status code of the response. */
  public int statusCode() {
    return response.statusCode();
  }

  /** The response headers, names in lower case. Credentials are never among them: they are request headers. */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /** The start of the response body as text, bounded in length; empty when the body was empty. */
  public String bodyExcerpt() {
    return response.bodyExcerpt();
  }

  /** The server's request id ({@code x-request-id} and the like), to quote to the API's support. */
  public @Nullable String requestId() {
    return response.requestId();
  }

  /** The server's error code, such as {@code card_declined}, if it gave one. */
  public @Nullable String errorCode() {
    return response.code();
  }

  /** The server's error message, if it gave one. */
  public @Nullable String errorMessage() {
    return response.message();
  }

  /** Further messages, such as one per invalid field. */
  public List<String> details() {
    return response.details();
  }

  /** The RFC 9457 problem document, if the body was one. */
  public @Nullable ProblemDetails problem() {
    return response.problem();
  }

  /** The body parsed as the type the spec declares for this status, if it declares one and the body fits. */
  public @Nullable Object body() {
    return response.body();
  }

  /**
   * The body as {@code type}, the generated class the spec declares for this status; {@code null} when the spec
   * declares another type or none, or the body did not fit.
   */
  public <T> @Nullable T body(Class<T> type) {
    return type.isInstance(response.body()) ? type.cast(response.body()) : null;
  }

  /** Everything the runtime understood of the response. */
  public ErrorResponse response() {
    return response;
  }

  private static String message(ErrorContext context, ErrorResponse response, ErrorCategory category) {
    StringBuilder message = new StringBuilder(describe(context))
        .append(" failed with HTTP ")
        .append(response.statusCode())
        .append(attemptsNote(context));
    String said = response.message() != null ? response.message() : text(response.bodyExcerpt());
    if (response.code() != null) {
      message.append(": ").append(bounded(response.code()));
      if (!said.isEmpty()) {
        message.append(" - ").append(bounded(said));
      }
    } else if (!said.isEmpty()) {
      message.append(": ").append(bounded(said));
    }
    if (response.requestId() != null) {
      message.append(" (request id ").append(bounded(response.requestId())).append(')');
    }
    String advice = advice(category);
    if (!advice.isEmpty()) {
      message.append(". ").append(advice);
    }
    return message.toString();
  }

  /** Body text fit for one log line: an HTML page's title, or its text without tags, whitespace folded. */
  private static String text(String body) {
    java.util.regex.Matcher title = java.util.regex.Pattern.compile("(?is)<title[^>]*>(.*?)</title>").matcher(body);
    String text = title.find() ? title.group(1) : body;
    if (text.contains("<")) {
      text = text.replaceAll("(?s)<[^>]*>", " ");
    }
    return text.replaceAll("\\s+", " ").trim();
  }

  private static String bounded(String text) {
    String folded = text.replaceAll("\\s+", " ").trim();
    return folded.length() > MESSAGE_TEXT_CHARS ? folded.substring(0, MESSAGE_TEXT_CHARS) + "..." : folded;
  }

  private static String advice(ErrorCategory category) {
    switch (category) {
      case UNAUTHORIZED:
        return "Check the credentials given to the client builder";
      case PERMISSION_DENIED:
        return "The credentials are valid but lack permission for this operation";
      case RATE_LIMITED:
        return "Slow down and try again later";
      case SERVER_ERROR:
        return "The server failed; trying again later may succeed";
      default:
        return "";
    }
  }
}
