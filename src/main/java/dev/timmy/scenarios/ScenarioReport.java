package dev.timmy.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of running every scenario under a directory against one rule revision, with the
 * rule ids no scenario names ({@code uncovered}).
 */
public record ScenarioReport(String rulesRevision, Path scenarios, List<ScenarioResult> results, List<String> uncovered) {
  public ScenarioReport {
    results = List.copyOf(results);
    uncovered = List.copyOf(uncovered);
  }

  public long passed() {
    return results.stream().filter(ScenarioResult::passed).count();
  }

  public long failed() {
    return results.size() - passed();
  }

  /** True when there was at least one scenario and every one passed (coverage is reported, not judged). */
  public boolean ok() {
    return !results.isEmpty() && failed() == 0;
  }

  /** The report as a CLI prints it: one PASS/FAIL line per scenario, its unmet expectations, coverage, totals. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (results.isEmpty()) lines.add("no scenario files (*.yml, *.yaml) under " + scenarios);
    for (ScenarioResult r : results) {
      Path shown = r.file().startsWith(scenarios) ? scenarios.relativize(r.file()) : r.file();
      lines.add((r.passed() ? "PASS " : "FAIL ") + shown + (r.note().isEmpty() ? "" : " — " + r.note()));
      for (String f : r.failures()) lines.add("     ✘ " + f);
    }
    if (!uncovered.isEmpty()) lines.add("rules no scenario names: " + String.join(", ", uncovered));
    lines.add(passed() + " passed, " + failed() + " failed (rules revision " + rulesRevision + ")");
    return lines;
  }
}
