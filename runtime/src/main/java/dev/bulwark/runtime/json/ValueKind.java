package dev.bulwark.runtime.json;

/** The JSON kind a property's schema expects, for lenient reading. */
public enum ValueKind {
  STRING,
  NUMBER,
  BOOLEAN,
  OBJECT,
  ARRAY,
  /** Any JSON value. */
  ANY
}
