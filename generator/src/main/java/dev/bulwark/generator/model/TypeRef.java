package dev.bulwark.generator.model;

import java.util.Objects;

/** The type of a property, parameter, body or response, independent of how Java spells it. */
public sealed interface TypeRef {

  /** A JSON value with a fixed meaning: a string, a number of some width, a date, a UUID, or any JSON at all. */
  record Scalar(ScalarKind kind) implements TypeRef {
    public Scalar {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** A JSON array. */
  record ListOf(TypeRef element) implements TypeRef {
    public ListOf {
      Objects.requireNonNull(element, "element");
    }
  }

  /** A JSON object used as a map from string keys to values of one type. */
  record MapOf(TypeRef value) implements TypeRef {
    public MapOf {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A generated type (an object model or an enum), by its simple name in the model package. */
  record Named(String name) implements TypeRef {
    public Named {
      Objects.requireNonNull(name, "name");
    }
  }

  static TypeRef scalar(ScalarKind kind) {
    return new Scalar(kind);
  }

  /** The kinds of {@link Scalar}. */
  enum ScalarKind {
    STRING,
    INT32,
    INT64,
    FLOAT,
    DOUBLE,
    DECIMAL,
    BOOLEAN,
    DATE,
    DATE_TIME,
    UUID,
    URI,
    /** Any JSON value: read as maps, lists, strings, numbers, booleans and null. */
    ANY,
    /** A binary body (a file download): the raw bytes. */
    BYTES,
    /** Binary content the caller supplies (an upload, a multipart file part): bytes, a file or a stream. */
    FILE
  }
}
