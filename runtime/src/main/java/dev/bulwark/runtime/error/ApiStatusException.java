package dev.bulwark.runtime.error;

import dev.bulwark.runtime.OperationSpec;
import java.util.List;
import java.util.Map;

/**
 * The server answered with a status outside 2xx. Subclasses name the common statuses; {@link #of} picks the right one.
 */
public class ApiStatusException extends BulwarkException {
  private static final long serialVersionUID = 1L;
  private static final int MESSAGE_EXCERPT_CHARS = 300;

  private final int statusCode;
  private final transient Map<String, List<String>> headers;
  private final String bodyExcerpt;

  protected ApiStatusException(
      ErrorCategory category,
      OperationSpec operation,
      int statusCode,
      Map<String, List<String>> headers,
      String bodyExcerpt) {
    super(message(operation, statusCode, bodyExcerpt, category), category, operation, null);
    this.statusCode = statusCode;
    this.headers = Map.copyOf(headers);
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * The exception for a response status: {@link NotFoundException} for 404, {@link ServerErrorException} for 5xx, and
   * so on; a plain {@code ApiStatusException} with category {@link ErrorCategory#UNEXPECTED_STATUS} otherwise.
   *
   * @param headers the response headers, names in lower case
   * @param bodyExcerpt the start of the response body, already bounded by the caller
   */
  public static ApiStatusException of(
      OperationSpec operation, int statusCode, Map<String, List<String>> headers, String bodyExcerpt) {
    switch (statusCode) {
      case 400:
        return new BadRequestException(operation, statusCode, headers, bodyExcerpt);
      case 401:
        return new UnauthorizedException(operation, statusCode, headers, bodyExcerpt);
      case 403:
        return new PermissionDeniedException(operation, statusCode, headers, bodyExcerpt);
      case 404:
        return new NotFoundException(operation, statusCode, headers, bodyExcerpt);
      case 409:
        return new ConflictException(operation, statusCode, headers, bodyExcerpt);
      case 422:
        return new UnprocessableEntityException(operation, statusCode, headers, bodyExcerpt);
      case 429:
        return new RateLimitedException(operation, statusCode, headers, bodyExcerpt);
      default:
        if (statusCode >= 500 && statusCode <= 599) {
          return new ServerErrorException(operation, statusCode, headers, bodyExcerpt);
        }
        return new ApiStatusException(
            ErrorCategory.UNEXPECTED_STATUS, operation, statusCode, headers, bodyExcerpt);
    }
  }

  /** The HTTP status code of the response. */
  public int statusCode() {
    return statusCode;
  }

  /** The response headers, names in lower case. Credentials are never among them: they are request headers. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The start of the response body as text, bounded in length; empty when the body was empty. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  private static String message(
      OperationSpec operation, int statusCode, String bodyExcerpt, ErrorCategory category) {
    StringBuilder message = new StringBuilder()
        .append(describe(operation))
        .append(" failed with HTTP ")
        .append(statusCode);
    if (!bodyExcerpt.isEmpty()) {
      String shown = bodyExcerpt.length() > MESSAGE_EXCERPT_CHARS
          ? bodyExcerpt.substring(0, MESSAGE_EXCERPT_CHARS) + "..."
          : bodyExcerpt;
      message.append(". Server said: ").append(shown.replaceAll("\\s+", " ").trim());
    }
    String advice = advice(category);
    if (!advice.isEmpty()) {
      message.append(". ").append(advice);
    }
    return message.toString();
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
