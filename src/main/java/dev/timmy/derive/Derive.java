package dev.timmy.derive;

import dev.timmy.facts.AgentRecords;
import dev.timmy.facts.WorkRecords;
import dev.timmy.facts.Snapshot;

/**
 * The derive stage, between observing and deciding: what Java concludes from an observed snapshot
 * so that the rules never count by themselves — each agent's load ({@link Loads}), the work in
 * flight ({@link WorkItems}) and the agents' records over the history's window, overall and per
 * kind and area of work ({@link AgentRecords}, {@link WorkRecords}). A pure function of the observed parts (backlog, roster,
 * processes, history, clock): the journal keeps the observed snapshot, and a replay derives again
 * from it the same way; deriving a derived snapshot changes nothing.
 */
public final class Derive {
  private Derive() {}

  /** {@code observed} with its loads, work in flight and agents' records derived afresh (what was derived before is replaced). */
  public static Snapshot from(Snapshot observed) {
    return observed.toBuilder()
        .loads(Loads.count(observed))
        .work(WorkItems.derive(observed.agents(), observed.issues(), observed.pulls(), observed.comments()))
        .records(AgentRecords.count(observed.takenAt(), observed.agents(), observed.history(), observed.pulls(),
            observed.comments()))
        .workRecords(WorkRecords.count(observed.takenAt(), observed.agents(), observed.history()))
        .build();
  }
}
