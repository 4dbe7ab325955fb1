package dev.timmy.scenarios;

import dev.timmy.facts.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A loaded scenario: where it was written, why it exists, the snapshot it gives and what it expects. */
public record Scenario(Path file, String note, Snapshot snapshot, List<Expectation> expectations) {
  public Scenario {
    expectations = List.copyOf(expectations);
  }

  /** Every rule id the expectations name. */
  public Set<String> ruleIds() {
    TreeSet<String> ids = new TreeSet<>();
    expectations.stream().map(Expectation::ruleId).filter(Objects::nonNull).forEach(ids::add);
    return ids;
  }
}
