package dev.timmy.scenarios;

import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import java.util.Optional;

/** A classification check of a subject by name, optionally ok or not and by a given rule. */
public record CheckExpectation(String subject, String name, Boolean ok, String ruleId) implements Expectation {
  public CheckExpectation {
    Defaults.require(subject != null && name != null, "a check expectation needs subject and name");
  }

  @Override
  public Optional<String> unmetBy(Decision decision) {
    boolean met = decision.checksOf(subject).stream().anyMatch(this::matches);
    if (met) return Optional.empty();
    return Optional.of("expected check " + name + (ok == null ? "" : ok ? " ✔" : " ✘") + " on " + subject
        + (ruleId == null ? "" : " by " + ruleId) + "; its checks: " + Found.all(decision.checksOf(subject), Found::check));
  }

  private boolean matches(CheckItem c) {
    return c.name().equals(name) && (ok == null || ok == c.ok()) && (ruleId == null || ruleId.equals(c.ruleId()));
  }
}
