package dev.timmy.journal;

import dev.timmy.decide.Decision;
import java.util.List;

/**
 * How much one cycle decided and did, for the cycle list and metrics. {@code deferred}: proposals
 * (and escalations) the executor did not reach because the operations budget was spent first.
 */
public record CycleCounts(
    int firings, int priorities, int routes, int proposals, int vetoed, int escalations, int checks,
    int refused, int wouldDo, int done, int skipped, int failed, int deferred) {

  public static CycleCounts none() {
    return new CycleCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  public static CycleCounts of(Decision d, List<ActionRow> actions, int deferred) {
    return new CycleCounts(d.firings(), d.priorities().size(), d.routes().size(), d.proposals().size(),
        (int) d.proposals().stream().filter(p -> p.vetoed()).count(), d.escalations().size(), d.checks().size(),
        count(actions, ActionStatus.REFUSED), count(actions, ActionStatus.WOULD_DO), count(actions, ActionStatus.DONE),
        count(actions, ActionStatus.SKIPPED_ALREADY_DONE), count(actions, ActionStatus.FAILED), deferred);
  }

  private static int count(List<ActionRow> actions, ActionStatus status) {
    return (int) actions.stream().filter(a -> a.status() == status).count();
  }
}
