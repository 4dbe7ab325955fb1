package dev.timmy.decide;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one decision says about one subject: why it ranks where it does, which conditions
 * hold and which do not, every route (the chosen one and why not the others), the proposals with
 * their vetoes, and escalations. {@code priority} is null for subjects outside the ranked backlog.
 * The CLI, the API, MCP and the dashboard all render this one model; {@link #whyNot()} is the one
 * place the "why not" is put in words.
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

  public Explanation {
    checks = List.copyOf(checks);
    routes = List.copyOf(routes);
    proposals = List.copyOf(proposals);
    escalations = List.copyOf(escalations);
  }

  public static Explanation of(Decision d, String subject) {
    return new Explanation(subject, d.rulesRevision(), d.priorityOf(subject).orElse(null), d.priorities().size(),
        d.checksOf(subject), d.routesOf(subject), d.proposalsOf(subject), d.escalationsOf(subject));
  }

  /** True when the decision says nothing at all about the subject. */
  public boolean empty() {
    return priority == null && checks.isEmpty() && routes.isEmpty() && proposals.isEmpty() && escalations.isEmpty();
  }

  /**
   * The "why not" in words, in checklist order: each condition that does not hold (with its
   * margin, as the rule worded it), each agent not chosen and why, each veto of a proposal.
   */
  public List<String> whyNot() {
    List<String> out = new ArrayList<>();
    for (CheckItem c : checks) if (!c.ok()) out.add(c.line());
    for (RouteItem r : routes) if (!r.chosen()) out.add("not " + r.agent() + ": " + r.reason() + " [" + r.ruleId() + "]");
    for (ProposalItem p : proposals) {
      for (VetoItem v : p.vetoes()) out.add(p.kind() + " vetoed: " + v.reason() + " [" + v.ruleId() + "]");
    }
    return out;
  }
}
