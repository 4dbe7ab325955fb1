package dev.timmy.scenarios;

import dev.timmy.decide.Decision;
import java.util.Optional;

/** An escalation to Alex about a subject, optionally by a given rule. */
public record EscalationExpectation(String subject, String ruleId) implements Expectation {
  public EscalationExpectation {
    Defaults.require(subject != null, "an escalation expectation needs subject");
  }

  @Override
  public Optional<String> unmetBy(Decision decision) {
    boolean raised = decision.escalationsOf(subject).stream().anyMatch(e -> ruleId == null || ruleId.equals(e.ruleId()));
    if (raised) return Optional.empty();
    return Optional.of("expected an escalation of " + subject + (ruleId == null ? "" : " by " + ruleId)
        + "; its escalations: " + Found.all(decision.escalationsOf(subject), e -> e.ruleId() + " (" + e.reason() + ")"));
  }
}
