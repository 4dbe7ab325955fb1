package dev.timmy.scenarios;

import dev.timmy.decide.Decision;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.Scored;
import java.util.Optional;

/**
 * A subject's priority: a part by {@code ruleId} (with {@code points}, when given) and/or its
 * {@code rank} in the backlog (1 = first).
 */
public record PriorityExpectation(String subject, String ruleId, Integer points, Integer rank) implements Expectation {
  public PriorityExpectation {
    Defaults.require(subject != null, "a priority expectation needs subject");
    Defaults.require(ruleId != null || rank != null, "a priority expectation needs ruleId or rank");
    Defaults.require(points == null || ruleId != null, "points in a priority expectation need the ruleId of the part");
  }

  @Override
  public Optional<String> unmetBy(Decision decision) {
    Optional<PriorityItem> found = decision.priorityOf(subject);
    if (found.isEmpty()) {
      return Optional.of("expected a priority for " + subject + "; it has none (ranked: "
          + decision.priorities().stream().map(PriorityItem::subject).toList() + ")");
    }
    PriorityItem p = found.get();
    boolean partOk = ruleId == null || p.parts().stream().anyMatch(this::matches);
    boolean rankOk = rank == null || rank == p.rank();
    if (partOk && rankOk) return Optional.empty();
    return Optional.of("expected " + subject
        + (ruleId == null ? "" : " to have a part by " + ruleId + (points == null ? "" : " of " + points + " points"))
        + (rank == null ? "" : (ruleId == null ? "" : " and") + " at rank " + rank)
        + "; found total " + p.total() + " at rank " + p.rank() + " from " + Found.all(p.parts(), Found::part));
  }

  private boolean matches(Scored s) {
    return s.ruleId().equals(ruleId) && (points == null || points == s.points());
  }
}
