package dev.bulwark.runtime;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one property of an {@code application/x-www-form-urlencoded} body is written: the spec's {@code encoding}
 * entry for it. A property without one follows the convention of form APIs (objects in brackets,
 * {@code card[exp_month]=12}; arrays of scalars repeated; arrays of objects indexed, {@code items[0][price]=p_1}).
 * Generated code passes these; callers need not.
 *
 * @param style the entry's {@code style}, or {@code null} where it names none (the convention applies)
 * @param explode the entry's {@code explode}
 * @param contentType the entry's {@code contentType}; a JSON type sends the property as JSON text
 */
public record FormEncoding(@Nullable ParameterStyle style, boolean explode, @Nullable String contentType) {

  /** An entry with a style and no content type. */
  public static FormEncoding of(@Nullable ParameterStyle style, boolean explode) {
    return new FormEncoding(style, explode, null);
  }

  /** An entry whose content type is {@code contentType}, such as {@code application/json}. */
  public static FormEncoding contentType(String contentType) {
    return new FormEncoding(null, true, Objects.requireNonNull(contentType, "contentType"));
  }

  /** Whether the property is sent as JSON text. */
  public boolean json() {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
    return type.equals("application/json") || type.endsWith("+json");
  }
}
