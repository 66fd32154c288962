package dev.bulwark.generator.normalize;

import dev.bulwark.generator.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Collects what the normaliser had to approximate, each located by JSON pointer. */
final class Warnings {
  private final String file;
  private final List<SpecProblem> problems = new ArrayList<>();

  Warnings(String file) {
    this.file = file;
  }

  void add(String pointer, String message) {
    problems.add(new SpecProblem(file, pointer, OptionalInt.empty(), message));
  }

  List<SpecProblem> all() {
    return List.copyOf(problems);
  }
}
