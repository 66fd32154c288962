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
  /**
   * The longest class name handed out by {@link #forClasses()}: with a nested class and {@code .class}, a file name
   * stays far below the 255 bytes file systems allow.
   */
  public static final int MAX_CLASS_NAME = 120;

  private final Set<String> taken = new HashSet<>();
  private final int maxLength;

  public UniqueNames() {
    this(Integer.MAX_VALUE);
  }

  private UniqueNames(int maxLength) {
    this.maxLength = maxLength;
  }

  /**
   * A scope of class names, each at most {@link #MAX_CLASS_NAME} characters: a longer one (an inline schema deep in
   * a long operation's body) keeps its start and ends in a hash of the whole, so that it is the same on every run.
   */
  public static UniqueNames forClasses() {
    return new UniqueNames(MAX_CLASS_NAME);
  }

  /** Marks names as taken without handing them out, for names the scope already uses. */
  public UniqueNames reserve(String... names) {
    for (String name : names) {
      taken.add(name.toLowerCase(Locale.ROOT));
    }
    return this;
  }

  /** Whether {@code name} (bounded as {@link #claim} would bound it) is taken. */
  public boolean isTaken(String name) {
    return taken.contains(bounded(name).toLowerCase(Locale.ROOT));
  }

  /** Returns {@code name}, or {@code name} with a suffix if it is taken, and marks the result as taken. */
  public String claim(String wanted) {
    String name = bounded(wanted);
    String candidate = name;
    for (int suffix = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); suffix++) {
      candidate = name + suffix;
    }
    taken.add(candidate.toLowerCase(Locale.ROOT));
    return candidate;
  }

  private String bounded(String name) {
    if (name.length() <= maxLength) {
      return name;
    }
    // String.hashCode is specified, so the hash is the same in every JVM and on every run.
    String hash = String.format("%08x", name.hashCode());
    return name.substring(0, maxLength - hash.length() - 1) + "_" + hash;
  }

  /** Gives back a name claimed here that turned out not to be needed, so that the next claim of it gets it. */
  public void release(String name) {
    taken.remove(name.toLowerCase(Locale.ROOT));
  }
}
