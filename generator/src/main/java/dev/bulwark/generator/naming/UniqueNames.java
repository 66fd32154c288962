package dev.bulwark.generator.naming;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out names unique within one scope. A name already taken gets the smallest free numeric suffix
 * ({@code Pet, Pet2, Pet3}). Comparison ignores case, so that two names never collide on a case-insensitive file
 * system.
 */
public final class UniqueNames {
  private final Set<String> taken = new HashSet<>();

  /** Marks names as taken without handing them out, for names the scope already uses. */
  public UniqueNames reserve(String... names) {
    for (String name : names) {
      taken.add(name.toLowerCase(Locale.ROOT));
    }
    return this;
  }

  /** Returns {@code name}, or {@code name} with a suffix if it is taken, and marks the result as taken. */
  public String claim(String name) {
    String candidate = name;
    for (int suffix = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); suffix++) {
      candidate = name + suffix;
    }
    taken.add(candidate.toLowerCase(Locale.ROOT));
    return candidate;
  }

  /** Gives back a name claimed here that turned out not to be needed, so that the next claim of it gets it. */
  public void release(String name) {
    taken.remove(name.toLowerCase(Locale.ROOT));
  }
}
