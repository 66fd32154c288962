package dev.bulwark.generator.normalize;

import dev.bulwark.generator.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Collects what the normaliser had to approximate, each located by JSON pointer. Losses (a reference that leads
 * nowhere, so a value loses its type) come first, before mere approximations, so that they head every summary.
 */
final class Warnings {
  private final String file;
  private final List<SpecProblem> losses = new ArrayList<>();
  private final List<SpecProblem> problems = new ArrayList<>();

  Warnings(String file) {
    this.file = file;
  }

  void add(String pointer, String message) {
    problems.add(new SpecProblem(file, pointer, OptionalInt.empty(), message));
  }

  /** A warning of a kind that recurs across operations, so that reports can group it. */
  void add(String kind, String pointer, String message) {
    problems.add(new SpecProblem(file, pointer, OptionalInt.empty(), message, kind));
  }

  /** A warning about something the generated client loses, listed before the others. */
  void addLoss(String pointer, String message) {
    losses.add(new SpecProblem(file, pointer, OptionalInt.empty(), message));
  }

  /** The losses, in the order met. */
  List<SpecProblem> losses() {
    return List.copyOf(losses);
  }

  /** The approximations that are not losses, in the order met. */
  List<SpecProblem> others() {
    return List.copyOf(problems);
  }

  List<SpecProblem> all() {
    List<SpecProblem> all = new ArrayList<>(losses);
    all.addAll(problems);
    return List.copyOf(all);
  }
}
