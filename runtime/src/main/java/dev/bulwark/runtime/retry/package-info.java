/**
 * Retry, backoff, timeout and retry-budget settings, and the seams (ticker, sleeper) that let tests control time.
 * The runtime applies them on every call; see {@code docs/resilience.md} for the defaults and why.
 */
@NullMarked
package dev.bulwark.runtime.retry;

import org.jspecify.annotations.NullMarked;
