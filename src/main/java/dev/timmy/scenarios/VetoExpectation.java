package dev.timmy.scenarios;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.Decision;
import dev.timmy.decide.ProposalItem;
import java.util.List;
import java.util.Optional;

/** A veto by {@code ruleId} (required) against a proposal of that kind on that subject. */
public record VetoExpectation(ActionKind kind, String subject, String ruleId) implements Expectation {
  public VetoExpectation {
    Defaults.require(kind != null && subject != null && ruleId != null, "a veto expectation needs kind, subject and ruleId");
  }

  @Override
  public Optional<String> unmetBy(Decision decision) {
    List<ProposalItem> sameKind = decision.proposalsOf(subject).stream().filter(p -> p.kind() == kind).toList();
    boolean vetoed = sameKind.stream().anyMatch(p -> p.vetoes().stream().anyMatch(v -> v.ruleId().equals(ruleId)));
    if (vetoed) return Optional.empty();
    String found = sameKind.isEmpty()
        ? "there is no " + kind + " proposal on it to veto; its proposals: " + Found.all(decision.proposalsOf(subject), Found::proposal)
        : "found " + Found.all(sameKind, Found::proposal);
    return Optional.of("expected " + ruleId + " to veto " + kind + " on " + subject + "; " + found);
  }
}
