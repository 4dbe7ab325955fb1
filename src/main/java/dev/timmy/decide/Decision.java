package dev.timmy.decide;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the rules concluded about one snapshot. Every item names its rule and facts: this record is
 * the explanation every later part of Timmy shows.
 */
public record Decision(
    String rulesRevision,
    SnapshotInfo snapshot,
    int firings,
    List<PriorityItem> priorities,
    List<RouteItem> routes,
    List<ProposalItem> proposals,
    List<EscalationItem> escalations,
    List<CheckItem> checks,
    List<TriageRequestItem> triage,
    List<AgentState> agentStates) {

  public record SnapshotInfo(boolean complete, Instant takenAt, List<String> gaps) {
    public SnapshotInfo {
      gaps = List.copyOf(gaps);
    }

    /** The words of the snapshot's clock among an item's matched facts (the journal keeps items across clock ticks). */
    public static String clockFact(Instant at) {
      return FactWords.of(new dev.timmy.facts.Clock(at));
    }
  }

  public Decision {
    priorities = List.copyOf(priorities);
    routes = List.copyOf(routes);
    proposals = List.copyOf(proposals);
    escalations = List.copyOf(escalations);
    checks = List.copyOf(checks);
    triage = triage == null ? List.of() : List.copyOf(triage);
    agentStates = agentStates == null ? List.of() : List.copyOf(agentStates);
  }

  /** A decision without agent states. */
  public Decision(String rulesRevision, SnapshotInfo snapshot, int firings, List<PriorityItem> priorities,
      List<RouteItem> routes, List<ProposalItem> proposals, List<EscalationItem> escalations, List<CheckItem> checks,
      List<TriageRequestItem> triage) {
    this(rulesRevision, snapshot, firings, priorities, routes, proposals, escalations, checks, triage, List.of());
  }

  /** A decision without triage requests. */
  public Decision(String rulesRevision, SnapshotInfo snapshot, int firings, List<PriorityItem> priorities,
      List<RouteItem> routes, List<ProposalItem> proposals, List<EscalationItem> escalations, List<CheckItem> checks) {
    this(rulesRevision, snapshot, firings, priorities, routes, proposals, escalations, checks, List.of(), List.of());
  }

  public Optional<PriorityItem> priorityOf(String subject) {
    return priorities.stream().filter(p -> p.subject().equals(subject)).findFirst();
  }

  public List<RouteItem> routesOf(String subject) {
    return only(routes, r -> r.subject().equals(subject));
  }

  public Optional<RouteItem> chosenRoute(String subject) {
    return routes.stream().filter(r -> r.subject().equals(subject) && r.chosen()).findFirst();
  }

  public List<ProposalItem> proposalsOf(String subject) {
    return only(proposals, p -> p.subject().equals(subject));
  }

  public List<EscalationItem> escalationsOf(String subject) {
    return only(escalations, e -> e.subject().equals(subject));
  }

  public List<CheckItem> checksOf(String subject) {
    return only(checks, c -> c.subject().equals(subject));
  }

  /** The state the rules derived for agent {@code name} (AGENT-004/005/007), if any. */
  public Optional<AgentState> agentState(String name) {
    return agentStates.stream().filter(a -> a.agent().equals(name)).findFirst();
  }

  private static <T> List<T> only(List<T> items, Predicate<T> keep) {
    return items.stream().filter(keep).toList();
  }
}
