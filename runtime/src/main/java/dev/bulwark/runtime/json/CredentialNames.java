package dev.bulwark.runtime.json;

import java.util.regex.Pattern;

/**
 * The names Bulwark treats as credentials wherever a value is shown (a model's {@code toString()}, undeclared
 * properties): {@code password}, {@code secret}, {@code api_key}, {@code access_token} and their spellings. A plain
 * {@code token}, such as a page token, is not one. The generator decides by the same names which declared properties
 * and parameters to mask.
 */
public final class CredentialNames {
  private static final Pattern CREDENTIAL_NAME = Pattern.compile(
      "(?i).*(password|passwd|passphrase|secret|api[-_]?key|access[-_]?token|refresh[-_]?token|id[-_]?token"
          + "|authorization|credential|private[-_]?key|session[-_]?id).*");

  private CredentialNames() {}

  /** Whether a property, parameter or header of this name holds a credential. */
  public static boolean isCredential(String name) {
    return CREDENTIAL_NAME.matcher(name).matches();
  }
}
