package dev.timmy.journal;

import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import dev.timmy.decide.DecisionDiff;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.RuleBook;
import dev.timmy.derive.Derive;
import dev.timmy.facts.Snapshot;
import java.util.List;

/**
 * A journaled cycle decided again: its stored (observed) snapshot derived again as the cycle
 * derived it ({@link Derive}) and evaluated by a rule book, beside the
 * decision the journal kept, with the diff between them. {@code sameRules} says whether the rule
 * book is the revision the cycle was decided with; when it is not, the replay shows what these
 * rules would have decided then, and says so.
 */
public record Replay(long cycleId, String journaledRevision, String rulesRevision, Snapshot snapshot,
    Decision journaled, Decision replayed, DecisionDiff diff) {

  public boolean sameRules() {
    return rulesRevision.equals(journaledRevision);
  }

  /** Whether the replay decided the same items as the journal kept (priorities, routes, checks, escalations, proposals). */
  public boolean equal() {
    return journaled.priorities().equals(replayed.priorities()) && journaled.routes().equals(replayed.routes())
        && journaled.checks().equals(replayed.checks()) && journaled.escalations().equals(replayed.escalations())
        && journaled.proposals().equals(replayed.proposals());
  }

  /** Replays cycle {@code id}; a cycle that is unknown, did not decide, or kept no snapshot is refused with why. */
  public static Replay of(JournalReader journal, RuleBook rules, long id) {
    CycleDetail cycle = journal.cycle(id).orElseThrow(() -> new IllegalArgumentException("replay: the journal has no cycle "
        + id + journal.lastCycle().map(c -> " (its last is " + c.id() + ")").orElse(" (it has none)")));
    if (cycle.cycle().snapshotDigest() == null) {
      throw new IllegalArgumentException("replay: cycle " + id + " observed nothing (" + cycle.cycle().status()
          + (cycle.cycle().error() == null ? "" : ": " + cycle.cycle().error()) + ")");
    }
    Snapshot snapshot = journal.snapshot(id).map(Derive::from).orElseThrow(() -> new IllegalArgumentException("replay: cycle " + id
        + " kept only its snapshot's digest " + cycle.cycle().snapshotDigest() + " (journaled before snapshots were stored)"));
    Decision journaled = decision(cycle, snapshot);
    Decision replayed = rules.evaluate(snapshot);
    return new Replay(id, cycle.cycle().rulesRevision(), replayed.rulesRevision(), snapshot, journaled, replayed,
        DecisionDiff.between(journaled, replayed));
  }

  /** The decision a cycle journaled, rebuilt from its items (the journal keeps no firings, triage requests or agent states). */
  static Decision decision(CycleDetail cycle, Snapshot snapshot) {
    List<DecisionRecord> items = cycle.items();
    return new Decision(cycle.cycle().rulesRevision(),
        new Decision.SnapshotInfo(snapshot.complete(), snapshot.takenAt(), snapshot.gaps()), 0,
        of(items, ItemKind.PRIORITY, PriorityItem.class), of(items, ItemKind.ROUTE, RouteItem.class),
        of(items, ItemKind.PROPOSAL, ProposalItem.class), of(items, ItemKind.ESCALATION, EscalationItem.class),
        of(items, ItemKind.CHECK, CheckItem.class));
  }

  private static <T> List<T> of(List<DecisionRecord> items, ItemKind kind, Class<T> type) {
    return JournalReader.of(items, kind, type);
  }
}
