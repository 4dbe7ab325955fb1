package dev.timmy.scenarios;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.Decision;
import dev.timmy.decide.ProposalItem;
import java.util.List;
import java.util.Optional;

/** No proposal of that kind on that subject, vetoed or not (only those by {@code ruleId}, when given). */
public record AbsentExpectation(ActionKind kind, String subject, String ruleId) implements Expectation {
  public AbsentExpectation {
    Defaults.require(kind != null && subject != null, "an absent expectation needs kind and subject");
  }

  @Override
  public Optional<String> unmetBy(Decision decision) {
    List<ProposalItem> there = decision.proposalsOf(subject).stream()
        .filter(p -> p.kind() == kind && (ruleId == null || ruleId.equals(p.ruleId()))).toList();
    if (there.isEmpty()) return Optional.empty();
    return Optional.of("expected no " + kind + " proposal on " + subject + (ruleId == null ? "" : " by " + ruleId)
        + "; found " + Found.all(there, Found::proposal));
  }
}
