package dev.bulwark.runtime;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Follows redirects within one attempt, by the client's {@link RedirectPolicy}. Credentials go only to the origin the
 * call was made to: a hop to another origin is tagged so that the authentication step adds none, and carries only
 * headers that cannot be credentials.
 */
final class RedirectStep implements CallStep {
  static final int MAX_REDIRECTS = 10;
  /** The headers a request to another origin keeps: none of them can carry a credential. */
  private static final Set<String> CROSS_ORIGIN_HEADERS =
      Set.of("accept", "accept-language", "content-type", "user-agent");

  private final RedirectPolicy policy;

  RedirectStep(RedirectPolicy policy) {
    this.policy = policy;
  }

  /** Marks a request to an origin other than the call's own: it carries no credentials. */
  enum CrossOrigin { INSTANCE }

  /** A redirect that was not followed, becoming the call's {@code RedirectRefusedException}. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    final int statusCode;
    final String targetOrigin;

    Refused(int statusCode, String targetOrigin, String reason) {
      super(reason);
      this.statusCode = statusCode;
      this.targetOrigin = targetOrigin;
    }
  }

  @Override
  public Response proceed(Request request, Chain chain) throws IOException {
    HttpUrl origin = request.url();
    Request current = request;
    for (int hops = 0; ; hops++) {
      Response response = chain.proceed(current);
      String location = response.header("Location");
      if (policy == RedirectPolicy.NONE || !isRedirect(response.code()) || location == null) {
        return response;
      }
      HttpUrl target = current.url().resolve(location);
      if (target == null) {
        return response;
      }
      int code = response.code();
      response.close();
      String targetOrigin = origin(target);
      if (current.url().isHttps() && !target.isHttps()) {
        throw new Refused(code, targetOrigin, "it leads from https to http, where the request and its credentials"
            + " would travel in clear text");
      }
      boolean sameOrigin = origin(target).equals(origin(origin));
      if (!sameOrigin && policy == RedirectPolicy.SAME_ORIGIN) {
        throw new Refused(code, targetOrigin, "the client follows redirects to its own origin only; set"
            + " redirects(RedirectPolicy.ANY_ORIGIN_WITHOUT_CREDENTIALS) on the client builder to follow it"
            + " without credentials");
      }
      if (hops + 1 > MAX_REDIRECTS) {
        throw new Refused(code, targetOrigin, "more than " + MAX_REDIRECTS + " redirects in a row");
      }
      current = next(current, target, code, sameOrigin, chain);
    }
  }

  private static Request next(Request current, HttpUrl target, int code, boolean sameOrigin, Chain chain)
      throws IOException {
    Request.Builder next = current.newBuilder().url(target);
    String method = current.method();
    boolean toGet = code == 303 && !method.equals("HEAD") || (code == 301 || code == 302) && method.equals("POST");
    if (toGet) {
      next.method("GET", null).removeHeader("Content-Type").removeHeader("Content-Length");
    } else if (current.body() != null && !chain.call().repeatableBody()) {
      throw new Refused(code, origin(target), "it asks to send the body again, and the body was a one-shot stream;"
          + " give the body as bytes or a file to let it be resent");
    }
    if (sameOrigin) {
      return next.build();
    }
    Headers.Builder kept = new Headers.Builder();
    String keyHeader = chain.call().operation().idempotencyKeyHeader();
    for (int i = 0; i < current.headers().size(); i++) {
      String name = current.headers().name(i);
      String lower = name.toLowerCase(Locale.ROOT);
      if (CROSS_ORIGIN_HEADERS.contains(lower) && !(toGet && lower.equals("content-type"))
          || keyHeader != null && name.equalsIgnoreCase(keyHeader)) {
        kept.add(name, current.headers().value(i));
      }
    }
    return next.headers(kept.build()).tag(CrossOrigin.class, CrossOrigin.INSTANCE).build();
  }

  private static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  /** {@code scheme://host:port}: what a message may say of a URL, never its path or query. */
  static String origin(@Nullable HttpUrl url) {
    return url == null ? "" : url.scheme() + "://" + url.host() + ":" + url.port();
  }
}
