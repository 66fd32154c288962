package dev.bulwark.runtime;

/**
 * Which redirects a client follows. The runtime follows them itself (OkHttp's own following is off, since it strips
 * only {@code Authorization} on a cross-host redirect): at most ten in a row, never from {@code https} to
 * {@code http}, and a {@code 307} or {@code 308} resends the method and body only when the body can be read again.
 * A {@code 303}, and a {@code 301} or {@code 302} of a {@code POST}, continue as a {@code GET} without a body.
 */
public enum RedirectPolicy {
  /** Follow none: a {@code 3xx} fails the call with its status. */
  NONE,
  /** Follow redirects to the same origin (scheme, host and port) only, credentials included; refuse the others. */
  SAME_ORIGIN,
  /**
   * The default: follow redirects to the same origin with credentials, and to other origins without any: no
   * security scheme's credential, no {@code Authorization}, {@code Cookie} or other header but {@code Accept},
   * {@code Content-Type}, {@code User-Agent} and the idempotency key. Downloads redirected to a CDN work; the API's
   * credentials stay with the API.
   */
  ANY_ORIGIN_WITHOUT_CREDENTIALS
}
