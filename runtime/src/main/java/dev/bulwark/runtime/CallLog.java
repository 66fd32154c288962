package dev.bulwark.runtime;

import dev.bulwark.runtime.json.CredentialNames;
import dev.bulwark.runtime.telemetry.CallEvent;
import dev.bulwark.runtime.telemetry.CallInfo;
import dev.bulwark.runtime.telemetry.CallInterceptor;
import dev.bulwark.runtime.telemetry.LogOptions;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A client's call log, as a {@link CallInterceptor}: one line per attempt at DEBUG, per retry at INFO, per failed
 * call at WARN, with the same keys on every line. See {@link LogOptions} for what is shown and what never is.
 */
final class CallLog implements CallInterceptor {
  /** Header names that carry credentials whatever an allow-list says. */
  private static final Pattern SECRET_HEADER =
      Pattern.compile("(?i).*(authorization|cookie|token|auth|key|secret|password|signature|session).*");
  /** A JSON member whose name is a credential, and its string value: masked in logged bodies. */
  private static final Pattern JSON_MEMBER = Pattern.compile("\"([^\"\\\\]{1,100})\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Logger log;
  private final LogOptions options;

  CallLog(String clientName, LogOptions options) {
    this.log = LoggerFactory.getLogger("dev.bulwark.calls." + (clientName.isEmpty() ? "client" : clientName));
    this.options = options;
  }

  /** Whether a header may be logged: on the allow-list, and not a credential by its name. */
  boolean loggable(String header) {
    String name = header.toLowerCase(Locale.ROOT);
    return options.allowedHeaders().contains(name) && !SECRET_HEADER.matcher(name).matches()
        && !CredentialNames.isCredential(name);
  }

  /** Whether this log would write any line now, as its level and SLF4J's configuration stand. */
  boolean writesAnything() {
    return options.logs(LogOptions.Level.WARN) && log.isWarnEnabled();
  }

  @Override
  public @Nullable Observer start(CallEvent.CallStarted started) {
    if (!writesAnything()) {
      return null;
    }
    return new Observer() {
      @Override
      public void event(CallEvent event) {
        log(event);
      }

      @Override
      public Response attempt(int attempt, Request request, Next next) throws IOException {
        if (!debug()) {
          return next.proceed(request);
        }
        Headers headers = request.headers();
        if (request.body() != null && request.body().contentType() != null && headers.get("Content-Type") == null) {
          // OkHttp writes the body's type as a header only when it sends; the log shows it as sent.
          headers = headers.newBuilder().add("Content-Type", request.body().contentType().toString()).build();
        }
        logMessage(started.call(), attempt, "request", headers, requestBody(request));
        Response response = next.proceed(request);
        logMessage(started.call(), attempt, "response " + response.code(), response.headers(),
            responseBody(response));
        return response;
      }
    };
  }

  private boolean debug() {
    return options.logs(LogOptions.Level.DEBUG) && log.isDebugEnabled();
  }

  private void log(CallEvent event) {
    if (event instanceof CallEvent.AttemptFinished attempt && debug()) {
      LoggingEventBuilder line = keys(log.atDebug(), attempt.call())
          .addKeyValue("attempt", attempt.attempt())
          .addKeyValue("status", attempt.statusCode())
          .addKeyValue("duration", attempt.duration().toMillis());
      line = kv(kv(kv(line, "error.category", attempt.errorCategory()), "error.type", attempt.errorType()),
          "request.id", attempt.requestId());
      line.log("{} attempt {} ended: {}", attempt.call().operationId(), attempt.attempt(),
              attempt.statusCode() < 0 ? attempt.errorType() : "HTTP " + attempt.statusCode());
    } else if (event instanceof CallEvent.RetryScheduled retry && options.logs(LogOptions.Level.INFO)
        && log.isInfoEnabled()) {
      kv(keys(log.atInfo(), retry.call())
          .addKeyValue("attempt", retry.nextAttempt())
          .addKeyValue("delay", retry.delay().toMillis())
          .addKeyValue("reason", retry.reason()), "server.hint",
              retry.serverHint() == null ? null : retry.serverHint().toMillis())
          .log("{} retrying in {} ms ({}): attempt {}", retry.call().operationId(), retry.delay().toMillis(),
              retry.reason(), retry.nextAttempt());
    } else if (event instanceof CallEvent.CallFinished finished) {
      boolean failed = finished.outcome() != CallEvent.Outcome.SUCCESS;
      if (failed) {
        kv(kv(keys(log.atWarn(), finished.call())
            .addKeyValue("outcome", finished.outcome())
            .addKeyValue("attempts", finished.attempts())
            .addKeyValue("duration", finished.duration().toMillis())
            .addKeyValue("status", finished.statusCode()), "error.category", finished.errorCategory()),
            "stop.reason", finished.stopReason())
            .log("{} failed after {} attempt(s): {}{}", finished.call().operationId(), finished.attempts(),
                finished.errorCategory(), finished.stopReason() == null ? "" : " (" + finished.stopReason() + ")");
      } else if (debug()) {
        keys(log.atDebug(), finished.call())
            .addKeyValue("outcome", finished.outcome())
            .addKeyValue("attempts", finished.attempts())
            .addKeyValue("duration", finished.duration().toMillis())
            .addKeyValue("status", finished.statusCode())
            .log("{} succeeded after {} attempt(s)", finished.call().operationId(), finished.attempts());
      }
    }
  }

  /** A key-value pair, left out where the value is {@code null}. */
  private static LoggingEventBuilder kv(LoggingEventBuilder line, String key, @Nullable Object value) {
    return value == null ? line : line.addKeyValue(key, value);
  }

  private static LoggingEventBuilder keys(LoggingEventBuilder line, CallInfo call) {
    return line.addKeyValue("operation", call.operationId())
        .addKeyValue("method", call.method())
        .addKeyValue("url.template", call.urlTemplate())
        .addKeyValue("correlation.id", call.correlationId());
  }

  private void logMessage(CallInfo call, int attempt, String what, Headers headers, @Nullable String body) {
    StringBuilder shown = new StringBuilder();
    for (String name : headers.names()) {
      if (loggable(name)) {
        shown.append(shown.length() == 0 ? "" : ", ").append(name).append(": ").append(headers.get(name));
      }
    }
    LoggingEventBuilder line = keys(log.atDebug(), call).addKeyValue("attempt", attempt)
        .addKeyValue("headers", shown.toString());
    if (body != null) {
      line = line.addKeyValue("body", body);
    }
    line.log("{} attempt {} {}", call.operationId(), attempt, what);
  }

  private @Nullable String requestBody(Request request) {
    if (options.maxBodyBytes() == 0 || request.body() == null) {
      return null;
    }
    try {
      if (request.body().isOneShot() || request.body().contentLength() > options.maxBodyBytes() * 4L) {
        return "(" + request.body().contentLength() + " bytes, not shown)";
      }
      okio.Buffer buffer = new okio.Buffer();
      request.body().writeTo(buffer);
      return masked(buffer.readUtf8(Math.min(buffer.size(), options.maxBodyBytes())));
    } catch (IOException e) {
      return "(unreadable: " + e.getClass().getSimpleName() + ")";
    }
  }

  private @Nullable String responseBody(Response response) {
    if (options.maxBodyBytes() == 0) {
      return null;
    }
    String type = response.header("Content-Type", "");
    if (type.startsWith("text/event-stream") || type.startsWith("application/octet-stream")) {
      // A stream is the caller's to read; peeking would wait for its bytes.
      return "(streamed, not shown)";
    }
    try {
      return masked(response.peekBody(options.maxBodyBytes()).string());
    } catch (IOException e) {
      return "(unreadable: " + e.getClass().getSimpleName() + ")";
    }
  }

  /** The text with the string values of credential-named JSON members replaced. */
  static String masked(String json) {
    java.util.regex.Matcher member = JSON_MEMBER.matcher(json);
    StringBuilder out = new StringBuilder();
    while (member.find()) {
      String replacement = CredentialNames.isCredential(member.group(1))
          ? "\"" + member.group(1) + "\": \"***\"" : member.group();
      member.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    member.appendTail(out);
    return out.toString();
  }
}
