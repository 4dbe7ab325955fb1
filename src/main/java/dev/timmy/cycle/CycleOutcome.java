package dev.timmy.cycle;

import dev.timmy.decide.Decision;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.CycleRow;
import java.time.Duration;
import java.util.List;

/**
 * A recorded cycle as its listeners see it: the journal row, and what the cycle had in hand.
 * {@code snapshot} is null when observing failed, {@code decision} when observing or evaluating
 * failed; {@code actions} is empty for a failed cycle. {@code took} is wall time, begin to finish.
 */
public record CycleOutcome(CycleRow row, Snapshot snapshot, Decision decision, List<ActionRow> actions, Duration took) {
  public CycleOutcome {
    actions = List.copyOf(actions);
  }
}
