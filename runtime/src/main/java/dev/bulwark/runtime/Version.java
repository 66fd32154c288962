package dev.bulwark.runtime;

/** The runtime's version, sent in the default {@code User-Agent}. */
final class Version {
  static final String VERSION = "0.1.0";

  private Version() {}
}
