package dev.timmy.decide;

import dev.timmy.facts.ModelRole;
import java.util.List;

/** A triage request of the decision, with the rule that chose the model and the facts it matched. */
public record TriageRequestItem(
    String subject, String model, ModelRole role, String reason, String ruleId, String title, List<String> facts) {
  public TriageRequestItem {
    facts = MatchedFacts.copyOf(facts);
  }
}
