package dev.timmy.scenarios;

import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import java.util.Optional;

/**
 * A classification check of a subject by name, optionally ok or not, by a given rule, and with a
 * detail that contains the given words (e.g. the state word of an agent's state check).
 */
public record CheckExpectation(String subject, String name, Boolean ok, String ruleId, String detail)
    implements Expectation {
  public CheckExpectation {
    Defaults.require(subject != null && name != null, "a check expectation needs subject and name");
  }

  public CheckExpectation(String subject, String name, Boolean ok, String ruleId) {
    this(subject, name, ok, ruleId, null);
  }

  @Override
  public Optional<String> unmetBy(Decision decision) {
    boolean met = decision.checksOf(subject).stream().anyMatch(this::matches);
    if (met) return Optional.empty();
    return Optional.of("expected check " + name + (ok == null ? "" : ok ? " ✔" : " ✘") + " on " + subject
        + (ruleId == null ? "" : " by " + ruleId) + (detail == null ? "" : " saying \"" + detail + "\"") + "; its checks: " + Found.all(decision.checksOf(subject), Found::check));
  }

  private boolean matches(CheckItem c) {
    return c.name().equals(name) && (ok == null || ok == c.ok()) && (ruleId == null || ruleId.equals(c.ruleId()))
        && (detail == null || c.detail().contains(detail));
  }
}
