package dev.bulwark.runtime.json;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Unknown} record of a generated union: JSON that matches none of the variants the spec lists, kept as it
 * came. A union whose variant is itself a union takes such a value only when no other variant reads it.
 * Implemented by generated code.
 */
public interface UnknownVariant {
  /** The JSON as parsed: maps, lists, strings, numbers, booleans, or {@code null}. */
  @Nullable Object json();
}
