package dev.timmy.decide;

import java.util.List;

/**
 * Everything one decision says about one subject: why it ranks where it does, which conditions
 * hold and which do not, every route (the chosen one and why not the others), the proposals with
 * their vetoes, and escalations. {@code priority} is null for subjects outside the ranked backlog.
 */
public record Explanation(
    String subject,
    String rulesRevision,
    PriorityItem priority,
    int backlogSize,
    List<CheckItem> checks,
    List<RouteItem> routes,
    List<ProposalItem> proposals,
    List<EscalationItem> escalations) {

  public static Explanation of(Decision d, String subject) {
    return new Explanation(subject, d.rulesRevision(), d.priorityOf(subject).orElse(null), d.priorities().size(),
        d.checksOf(subject), d.routesOf(subject), d.proposalsOf(subject), d.escalationsOf(subject));
  }

  /** True when the decision says nothing at all about the subject. */
  public boolean empty() {
    return priority == null && checks.isEmpty() && routes.isEmpty() && proposals.isEmpty() && escalations.isEmpty();
  }
}
