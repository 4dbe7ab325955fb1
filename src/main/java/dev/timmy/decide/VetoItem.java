package dev.timmy.decide;

import java.util.List;

/** A veto attached to the proposal it blocks. */
public record VetoItem(String ruleId, String title, String reason, List<String> facts) {
  public VetoItem {
    facts = MatchedFacts.copyOf(facts);
  }
}
