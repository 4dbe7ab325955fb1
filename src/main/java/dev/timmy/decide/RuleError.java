package dev.timmy.decide;

/** A problem in a rule file, where it is. {@code line} is 0 when the compiler gave none. */
public record RuleError(String file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
