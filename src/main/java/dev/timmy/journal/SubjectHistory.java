package dev.timmy.journal;

import dev.timmy.decide.CheckItem;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import java.util.List;

/**
 * What the journal says about one subject in the last cycles that mention it, newest first: its
 * priority with the parts, every route (losing ones too), checks, escalations, proposals with
 * their vetoes, and the actions with their outcomes (refusals carry their reason).
 */
public record SubjectHistory(String subject, List<Entry> cycles) {
  public SubjectHistory {
    cycles = List.copyOf(cycles);
  }

  /** The subject in one cycle. {@code priority} is null when the subject was not ranked. */
  public record Entry(
      CycleRow cycle, PriorityItem priority, List<RouteItem> routes, List<CheckItem> checks,
      List<EscalationItem> escalations, List<ProposalItem> proposals, List<ActionRow> actions) {
    public Entry {
      routes = List.copyOf(routes);
      checks = List.copyOf(checks);
      escalations = List.copyOf(escalations);
      proposals = List.copyOf(proposals);
      actions = List.copyOf(actions);
    }
  }
}
