package dev.timmy.journal;

import dev.timmy.decide.CheckItem;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import java.util.ArrayList;
import java.util.List;

/**
 * What the journal says about one subject in the last cycles that mention it, newest first, as
 * spans: consecutive cycles (of those) in which the rules concluded the same about it make one
 * span, so a subject that stood still for ten cycles is said once with its ten cycles, not ten
 * times. A span holds its priority with the parts, every route (losing ones too), checks,
 * escalations, proposals with their vetoes, and the actions of each of its cycles with their
 * outcomes (refusals carry their reason; each action names its cycle).
 */
public record SubjectHistory(String subject, List<Span> spans) {
  public SubjectHistory {
    spans = List.copyOf(spans);
  }

  /** Every cycle of the history, newest first. */
  public List<Long> cycleIds() {
    return spans.stream().flatMap(s -> s.cycleIds().stream()).toList();
  }

  /**
   * The subject over {@code cycleIds} (newest first, {@code newest} and {@code oldest} their
   * rows). {@code priority} is null when the subject was not ranked; {@code actions} are those of
   * every cycle of the span, newest cycle first, each cycle's in order.
   */
  public record Span(
      List<Long> cycleIds, CycleRow newest, CycleRow oldest, PriorityItem priority, List<RouteItem> routes,
      List<CheckItem> checks, List<EscalationItem> escalations, List<ProposalItem> proposals, List<ActionRow> actions) {
    public Span {
      cycleIds = List.copyOf(cycleIds);
      routes = List.copyOf(routes);
      checks = List.copyOf(checks);
      escalations = List.copyOf(escalations);
      proposals = List.copyOf(proposals);
      actions = List.copyOf(actions);
    }
  }

  /** The decision items about a subject in one cycle: equal in two cycles, the two are one span. */
  record Stood(PriorityItem priority, List<RouteItem> routes, List<CheckItem> checks,
      List<EscalationItem> escalations, List<ProposalItem> proposals) {}

  /** The subject in one journaled cycle: the cycle's row, what the rules concluded, its actions. */
  record InCycle(CycleRow row, Stood stood, List<ActionRow> actions) {}

  /** Cycles, newest first, as spans: each run of consecutive cycles that stood the same is one. */
  static List<Span> spans(List<InCycle> cycles) {
    List<Span> out = new ArrayList<>();
    for (int from = 0, to; from < cycles.size(); from = to) {
      Stood stood = cycles.get(from).stood();
      for (to = from + 1; to < cycles.size() && cycles.get(to).stood().equals(stood); to++) {}
      List<InCycle> run = cycles.subList(from, to);
      out.add(new Span(run.stream().map(c -> c.row().id()).toList(), run.get(0).row(), run.get(run.size() - 1).row(),
          stood.priority(), stood.routes(), stood.checks(), stood.escalations(), stood.proposals(),
          run.stream().flatMap(c -> c.actions().stream()).toList()));
    }
    return out;
  }
}
