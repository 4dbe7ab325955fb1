package dev.timmy.decide;

import java.util.List;

/** Which rule produced a derived fact, and from which facts (described in words). */
public record Because(String ruleId, String title, List<String> facts) {
  public Because {
    facts = MatchedFacts.copyOf(facts);
  }

  /** For items Java derives between the phases (ranking, capacity-aware choice). */
  public static Because engine(String what, List<String> facts) {
    return new Because("ENGINE", what, facts);
  }
}
