package dev.timmy.journal;

import dev.timmy.decide.CheckItem;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
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

    /** What the rules concluded about the subject in this span, to compare with the next cycle's. */
    Stood stood() {
      return new Stood(priority, routes, checks, escalations, proposals);
    }
  }

  /** The decision items about a subject in one cycle: equal in two cycles, the two are one span. */
  record Stood(PriorityItem priority, List<RouteItem> routes, List<CheckItem> checks,
      List<EscalationItem> escalations, List<ProposalItem> proposals) {}

  /** One more cycle, older than those before it: joins the last span when it stood the same there. */
  static void add(List<Span> spans, CycleRow row, Stood stood, List<ActionRow> actions) {
    int last = spans.size() - 1;
    if (last >= 0 && spans.get(last).stood().equals(stood)) {
      Span s = spans.get(last);
      List<Long> ids = new java.util.ArrayList<>(s.cycleIds());
      ids.add(row.id());
      List<ActionRow> all = new java.util.ArrayList<>(s.actions());
      all.addAll(actions);
      spans.set(last, new Span(ids, s.newest(), row, s.priority(), s.routes(), s.checks(), s.escalations(), s.proposals(), all));
    } else {
      spans.add(new Span(List.of(row.id()), row, row, stood.priority(), stood.routes(), stood.checks(),
          stood.escalations(), stood.proposals(), actions));
    }
  }
}
