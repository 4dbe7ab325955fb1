package dev.timmy.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * What the brain knows this cycle: the cached answers for the issues' current versions, the asks
 * in back-off, and the budget. {@code budget} null means triage is off: no request can be made.
 */
public record TriageFacts(List<Triage> answers, List<TriageBackoff> backoffs, TriageBudget budget) {
  public TriageFacts {
    answers = answers == null ? List.of() : List.copyOf(answers);
    backoffs = backoffs == null ? List.of() : List.copyOf(backoffs);
  }

  public static TriageFacts off() {
    return new TriageFacts(List.of(), List.of(), null);
  }

  /** Every fact for the rules. */
  public List<Object> facts() {
    List<Object> all = new ArrayList<>(answers);
    all.addAll(backoffs);
    if (budget != null) all.add(budget);
    return all;
  }
}
