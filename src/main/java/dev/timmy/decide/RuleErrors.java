package dev.timmy.decide;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a rule directory does not compile; carries every error with file and line. */
public final class RuleErrors extends Exception {
  private final List<RuleError> errors;

  public RuleErrors(List<RuleError> errors) {
    super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}
