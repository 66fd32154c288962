/** OpenTelemetry tracing and metrics for generated Bulwark clients: {@link dev.bulwark.opentelemetry.BulwarkOpenTelemetry}. */
@NullMarked
package dev.bulwark.opentelemetry;

import org.jspecify.annotations.NullMarked;
