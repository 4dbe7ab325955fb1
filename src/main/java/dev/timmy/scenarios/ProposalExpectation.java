package dev.timmy.scenarios;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.Decision;
import dev.timmy.decide.ProposalItem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposal that must be present: kind and subject, optionally the rule that made it, whether
 * it is vetoed, and parameters it must carry (a subset; {@code body} may be matched too).
 */
public record ProposalExpectation(ActionKind kind, String subject, String ruleId, Boolean vetoed, Map<String, String> params)
    implements Expectation {

  public ProposalExpectation {
    Defaults.require(kind != null && subject != null, "a proposal expectation needs kind and subject");
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  @Override
  public Optional<String> unmetBy(Decision decision) {
    List<ProposalItem> sameKind = decision.proposalsOf(subject).stream().filter(p -> p.kind() == kind).toList();
    if (sameKind.stream().anyMatch(this::matches)) return Optional.empty();
    String found = sameKind.isEmpty()
        ? "no " + kind + " proposal on it; its proposals: " + Found.all(decision.proposalsOf(subject), Found::proposal)
        : "found " + Found.all(sameKind, Found::proposal);
    return Optional.of("expected " + this.words() + "; " + found);
  }

  private boolean matches(ProposalItem p) {
    return (ruleId == null || ruleId.equals(p.ruleId()))
        && (vetoed == null || vetoed == p.vetoed())
        && params.entrySet().stream().allMatch(e -> Objects.equals(p.params().get(e.getKey()), e.getValue()));
  }

  private String words() {
    return "a " + kind + " proposal on " + subject + (ruleId == null ? "" : " by " + ruleId)
        + (params.isEmpty() ? "" : " with " + params)
        + (vetoed == null ? "" : vetoed ? ", vetoed" : ", not vetoed");
  }
}
