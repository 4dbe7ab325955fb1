package dev.timmy.mcp;

import dev.timmy.api.Answers;
import dev.timmy.api.Latest;
import dev.timmy.decide.Decision;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.Scored;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code backlog} tool's answer: the ranked backlog of the decision in force, each subject with
 * its priority parts, the agent chosen for it (null when none), every route (the losers say why
 * not) and its proposals with their vetoes.
 */
record Backlog(Long cycleId, Instant snapshotTakenAt, String rulesRevision, boolean complete, int size, List<Entry> items) {
  record Entry(
      int rank, String subject, String title, int total, List<Scored> parts, String chosen, List<RouteItem> routes,
      List<ProposalItem> proposals) {}

  static Backlog of(Latest.Decided x, int limit) {
    Decision d = x.decision();
    List<Entry> items = d.priorities().stream().sorted(Comparator.comparingInt(PriorityItem::rank)).limit(limit)
        .map(p -> new Entry(p.rank(), p.subject(), Answers.title(x.snapshot(), p.subject()), p.total(), p.parts(),
            d.chosenRoute(p.subject()).map(RouteItem::agent).orElse(null), d.routesOf(p.subject()),
            d.proposalsOf(p.subject())))
        .toList();
    return new Backlog(x.cycle().id(), x.snapshot().takenAt(), d.rulesRevision(), x.snapshot().complete(),
        d.priorities().size(), items);
  }
}
