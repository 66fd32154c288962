package dev.bulwark.runtime.json;

/** The JSON kind a property's schema expects, for lenient reading. */
public enum ValueKind {
  /** A plain string, which any JSON string fits. */
  TEXT,
  /** A string with a format (date, UUID, URI, an enum value) that may fail to parse. */
  STRING,
  NUMBER,
  BOOLEAN,
  OBJECT,
  ARRAY,
  /** Any JSON value. */
  ANY
}
