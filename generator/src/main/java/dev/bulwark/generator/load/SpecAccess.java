package dev.bulwark.generator.load;

import java.nio.file.Path;
import java.util.List;

/**
 * What the generator may read while loading a spec: files under the spec's own folder and under {@code extraRoots},
 * and remote references only when {@code fetchRemote} is set. A spec from elsewhere cannot make a build read
 * {@code /etc/passwd} into a client, or fetch a URL at generation time, unless the user says so.
 *
 * @param extraRoots folders whose files a {@code $ref} may name besides the spec's own folder
 * @param fetchRemote whether {@code http://} and {@code https://} references are fetched
 */
public record SpecAccess(List<Path> extraRoots, boolean fetchRemote) {
  public SpecAccess {
    extraRoots = extraRoots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
  }

  /** The spec's own folder only, nothing remote. */
  public static SpecAccess defaults() {
    return new SpecAccess(List.of(), false);
  }
}
