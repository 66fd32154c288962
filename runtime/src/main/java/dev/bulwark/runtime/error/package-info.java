/**
 * The one unchecked exception family that every generated client throws: {@link dev.bulwark.runtime.error.BulwarkException}
 * and its subclasses, each with an {@link dev.bulwark.runtime.error.ErrorCategory}.
 */
@NullMarked
package dev.bulwark.runtime.error;

import org.jspecify.annotations.NullMarked;
