/**
 * What a generated client tells about its calls: typed {@link dev.bulwark.runtime.telemetry.CallEvent}s for
 * listeners, the {@link dev.bulwark.runtime.telemetry.CallInterceptor} position that logging, metrics and tracing
 * plug into (once per logical call, and around each attempt, for blocking and asynchronous calls alike), and the
 * options of the calls' log lines.
 */
@NullMarked
package dev.bulwark.runtime.telemetry;

import org.jspecify.annotations.NullMarked;
