package dev.timmy.scenarios;

import java.util.List;

/** The small helpers every spec uses to fill what a scenario leaves out. */
final class Defaults {
  private Defaults() {}

  static <T> T or(T value, T otherwise) {
    return value == null ? otherwise : value;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : value;
  }

  /** Thrown from a spec's constructor, Jackson reports it at the spec's place in the file. */
  static void require(boolean condition, String expected) {
    if (!condition) throw new IllegalArgumentException(expected);
  }
}
