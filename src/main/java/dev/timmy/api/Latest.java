package dev.timmy.api;

import dev.timmy.cycle.CycleListener;
import dev.timmy.cycle.CycleOutcome;
import dev.timmy.decide.Decision;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.CycleRow;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest snapshot and decision, kept in memory for explain, simulate, agents and house: the
 * journal keeps decision items, not snapshots. Updated by each cycle (as a {@link CycleListener});
 * a cycle that failed before deciding leaves the previous decision in place, so the API keeps
 * explaining what is in force. A decided cycle is published once the answers read from the one
 * before are computed for it (see {@link AnswerCache#warm}), on the cycle's thread.
 */
public final class Latest implements CycleListener {
  private static final Logger LOG = LoggerFactory.getLogger(Latest.class);
  /**
   * A decided cycle: its row, what it observed and what the rules concluded, the decision indexed
   * by subject, the API's answers computed from it (see {@link AnswerCache}) and the actions it journaled.
   */
  public record Decided(
      CycleRow cycle, Snapshot snapshot, Decision decision, BySubject bySubject, AnswerCache answers, CycleActions actions) {
    public Decided(CycleRow cycle, Snapshot snapshot, Decision decision) {
      this(cycle, snapshot, decision, new BySubject(snapshot, decision), new AnswerCache(), new CycleActions(cycle.id()));
    }

    /** The answer under {@code key} from this cycle, serialised once (see {@link AnswerCache}). */
    byte[] answer(Object key, Function<Decided, Object> answer) {
      return answers.get(key, this, answer);
    }
  }

  private final AtomicReference<Decided> decided = new AtomicReference<>();

  @Override
  public void finished(CycleOutcome outcome) {
    if (outcome.snapshot() != null && outcome.decision() != null) {
      Decided next = new Decided(outcome.row(), outcome.snapshot(), outcome.decision());
      Decided before = decided.get();
      if (before != null) {
        long began = System.nanoTime();
        int warmed = next.answers().warm(before.answers(), next);
        LOG.debug("{} answers computed for cycle {} in {} ms", warmed, next.cycle().id(), (System.nanoTime() - began) / 1_000_000);
      }
      decided.set(next);
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
