package dev.timmy.scenarios;

import java.nio.file.Path;
import java.util.List;

/** One scenario's outcome: passed when no expectation is unmet; a file that did not load fails with its error. */
public record ScenarioResult(Path file, String note, List<String> failures) {
  public ScenarioResult {
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}
