package dev.bulwark.runtime;

/**
 * How a parameter's value is written into the URL or a header, as OpenAPI's {@code style} says. Scalars are written
 * as text in every style; the styles differ for arrays and objects.
 */
public enum ParameterStyle {
  /** Query and cookie default: {@code ?id=1&id=2} exploded, {@code ?id=1,2} not. Objects: {@code ?a=1&b=2}. */
  FORM,
  /** Path and header default: {@code 1,2}; objects {@code a,1,b,2} or, exploded, {@code a=1,b=2}. */
  SIMPLE,
  /** Path: {@code .1.2} exploded, {@code .1,2} not. */
  LABEL,
  /** Path: {@code ;id=1;id=2} exploded, {@code ;id=1,2} not. */
  MATRIX,
  /** Query arrays: {@code ?id=1%202}. */
  SPACE_DELIMITED,
  /** Query arrays: {@code ?id=1|2}. */
  PIPE_DELIMITED,
  /**
   * Query objects: {@code ?filter[a]=1&filter[b]=2}, nested ones {@code filter[a][b]=1}; arrays as form APIs read
   * them, {@code expand[]=a&expand[]=b} (objects in arrays indexed, {@code items[0][price]=p}).
   */
  DEEP_OBJECT
}
