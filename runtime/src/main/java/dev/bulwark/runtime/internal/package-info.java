/**
 * What only generated code calls. Not part of the runtime's public API: it may change in any release, together with
 * the generator that emits the calls. Users call the generated clients, {@link dev.bulwark.runtime.RequestOptions},
 * the responses, streams, listeners and {@link dev.bulwark.runtime.RuntimeContext}; see the runtime's package
 * documentation.
 */
@NullMarked
package dev.bulwark.runtime.internal;

import org.jspecify.annotations.NullMarked;
