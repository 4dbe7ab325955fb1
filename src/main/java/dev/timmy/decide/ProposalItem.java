package dev.timmy.decide;

import java.util.List;
import java.util.Map;

/** A proposal as decided: its stable id, what it would do, why, and the vetoes against it. */
public record ProposalItem(
    String id, ActionKind kind, String subject, Map<String, String> params, String ruleId,
    String title, String reason, List<String> facts, List<VetoItem> vetoes) {
  public ProposalItem {
    params = Map.copyOf(params);
    facts = MatchedFacts.copyOf(facts);
    vetoes = List.copyOf(vetoes);
  }

  public boolean vetoed() {
    return !vetoes.isEmpty();
  }

  public String param(String name) {
    return params.getOrDefault(name, "");
  }
}
