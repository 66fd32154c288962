/** Checks a normalised API for resilience hazards and describes the retry and timeout plan of each operation. */
package dev.bulwark.generator.lint;
