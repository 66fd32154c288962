/** Micrometer observations and metrics for generated Bulwark clients: {@link dev.bulwark.micrometer.BulwarkMicrometer}. */
@NullMarked
package dev.bulwark.micrometer;

import org.jspecify.annotations.NullMarked;
