package dev.timmy.api;

import dev.timmy.cycle.CycleListener;
import dev.timmy.cycle.CycleOutcome;
import dev.timmy.decide.Decision;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.CycleRow;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest snapshot and decision, kept in memory for explain, simulate, agents and house: the
 * journal keeps decision items, not snapshots. Updated by each cycle (as a {@link CycleListener});
 * a cycle that failed before deciding leaves the previous decision in place, so the API keeps
 * explaining what is in force.
 */
public final class Latest implements CycleListener {
  /**
   * A decided cycle: its row, what it observed and what the rules concluded, the decision indexed
   * by subject, the API's answers computed from it (see {@link AnswerCache}) and the actions it journaled.
   */
  public record Decided(
      CycleRow cycle, Snapshot snapshot, Decision decision, BySubject bySubject, AnswerCache answers, CycleActions actions) {
    public Decided(CycleRow cycle, Snapshot snapshot, Decision decision) {
      this(cycle, snapshot, decision, new BySubject(snapshot, decision), new AnswerCache(), new CycleActions(cycle.id()));
    }
  }

  private final AtomicReference<Decided> decided = new AtomicReference<>();

  @Override
  public void finished(CycleOutcome outcome) {
    if (outcome.snapshot() != null && outcome.decision() != null) {
      decided.set(new Decided(outcome.row(), outcome.snapshot(), outcome.decision()));
    }
  }

  public Optional<Decided> decided() {
    return Optional.ofNullable(decided.get());
  }

  /** The latest decided cycle, or a 409 {@code no_snapshot} for the API. */
  Decided require() {
    return decided().orElseThrow(ApiException::noSnapshot);
  }
}
