package dev.timmy.cli;

import dev.timmy.Sanitizer;
import dev.timmy.decide.DecisionDiff;
import dev.timmy.decide.ProposalItem;

/** A decision diff in words. */
final class DiffReport {
  private DiffReport() {}

  static String render(DecisionDiff d) {
    StringBuilder out = new StringBuilder(String.format("Candidate rules %s against live %s%n",
        d.candidateRevision(), d.liveRevision()));
    if (d.empty()) return Sanitizer.terminal(out.append("No change in priorities, routes, proposals or vetoes.\n").toString());
    if (!d.priorities().isEmpty()) out.append(String.format("%nPriorities moved%n"));
    for (DecisionDiff.Moved m : d.priorities()) {
      out.append(String.format("  %-30s rank %s → %s   total %s → %s%n", m.subject(), or(m.fromRank()), or(m.toRank()),
          or(m.fromTotal()), or(m.toTotal())));
    }
    if (!d.routes().isEmpty()) out.append(String.format("%nRoutes changed%n"));
    for (DecisionDiff.Rerouted r : d.routes()) {
      out.append(String.format("  %-30s %s → %s%n", r.subject(), or(r.from()), or(r.to())));
    }
    for (ProposalItem p : d.proposalsAdded()) out.append(String.format("  + %s  [%s] %s%n", p.id(), p.ruleId(), p.reason()));
    for (ProposalItem p : d.proposalsRemoved()) out.append(String.format("  - %s  [%s] %s%n", p.id(), p.ruleId(), p.reason()));
    for (DecisionDiff.VetoChange v : d.vetoes()) {
      out.append(String.format("  veto %s: %s → %s%n", v.proposal(), v.before(), v.after()));
    }
    return Sanitizer.terminal(out.toString());
  }

  private static String or(Object o) {
    return o == null ? "—" : o.toString();
  }
}
