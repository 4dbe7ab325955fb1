package dev.timmy.decide;

import java.util.List;

/** Something for Alex, with the rule that raised it. */
public record EscalationItem(String subject, String reason, String ruleId, String title, List<String> facts) {
  public EscalationItem {
    facts = MatchedFacts.copyOf(facts);
  }
}
