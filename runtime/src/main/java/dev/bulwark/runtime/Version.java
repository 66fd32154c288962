package dev.bulwark.runtime;

/** The runtime's version, sent in the default {@code User-Agent}. */
final class Version {
  static final String VERSION = dev.bulwark.runtime.internal.RuntimeVersion.CURRENT;

  private Version() {}
}
