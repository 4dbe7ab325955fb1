package dev.timmy.decide;

import java.util.List;

/** One part of a score: the rule, its points and its reason. */
public record Scored(String ruleId, String title, int points, String reason, List<String> facts) {
  public Scored {
    facts = MatchedFacts.copyOf(facts);
  }
}
