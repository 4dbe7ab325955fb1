package dev.timmy.api;

import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.Explanation;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One decision indexed by subject, built once when its cycle finishes: a request about one issue
 * of a 10k backlog looks it up instead of scanning every route and check of the decision.
 */
public final class BySubject {
  private final Map<String, PriorityItem> priority = new HashMap<>();
  private final Map<String, List<RouteItem>> routes;
  private final Map<String, List<CheckItem>> checks;
  private final Map<String, List<ProposalItem>> proposals;
  private final Map<String, List<EscalationItem>> escalations;
  private final Map<String, String> titles = new HashMap<>();
  private final String revision;
  private final int backlogSize;

  BySubject(Snapshot snapshot, Decision d) {
    revision = d.rulesRevision();
    backlogSize = d.priorities().size();
    for (PriorityItem p : d.priorities()) priority.putIfAbsent(p.subject(), p);
    routes = group(d.routes(), RouteItem::subject);
    checks = group(d.checks(), CheckItem::subject);
    proposals = group(d.proposals(), ProposalItem::subject);
    escalations = group(d.escalations(), EscalationItem::subject);
    for (Issue i : snapshot.issues()) titles.putIfAbsent(i.subject(), i.title());
    for (PullRequest p : snapshot.pulls()) titles.putIfAbsent(p.subject(), p.title());
  }

  PriorityItem priority(String subject) {
    return priority.get(subject);
  }

  List<RouteItem> routes(String subject) {
    return routes.getOrDefault(subject, List.of());
  }

  List<CheckItem> checks(String subject) {
    return checks.getOrDefault(subject, List.of());
  }

  List<ProposalItem> proposals(String subject) {
    return proposals.getOrDefault(subject, List.of());
  }

  List<EscalationItem> escalations(String subject) {
    return escalations.getOrDefault(subject, List.of());
  }

  /** What the decision says about {@code subject}, from the index. */
  Explanation explanation(String subject) {
    return new Explanation(subject, revision, priority(subject), backlogSize, checks(subject),
        routes(subject), proposals(subject), escalations(subject));
  }

  /** The title of an issue or pull request, null for anything else. */
  String title(String subject) {
    return titles.get(subject);
  }

  private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> subject) {
    Map<String, List<T>> out = new HashMap<>();
    for (T item : items) out.computeIfAbsent(subject.apply(item), k -> new ArrayList<>()).add(item);
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }
}
