package dev.timmy.decide;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of one snapshot in a {@link RuleSession} (fresh, or living across cycles and
 * told only what changed), in three firings. First: classification, priority parts and every
 * decision that needs nothing more. Then Java sums the priorities, ranks the backlog and brings
 * the {@link Ranked} facts up to date; the second firing routes what the rules admit to their
 * routing window (route scores and exclusions). Then Java chooses routes within capacity and
 * brings the {@link Chosen} facts up to date; the third firing acts on the choice (dispatch,
 * escalate unroutable top work). Only rules that match Ranked or Chosen wait for the later
 * firings. A firing limit per cycle guards against runaway rules.
 */
final class Evaluation {
  /**
   * Parts in a canonical order, whatever order the session holds them in (a live session holds
   * them in the order they were last derived, which differs from a fresh one's).
   */
  private static final Comparator<Scored> STRONGEST_FIRST = Comparator.comparingInt(Scored::points).reversed()
      .thenComparing(Scored::ruleId).thenComparing(Scored::reason);

  private final int firingLimit;

  /** {@code firingLimit} 0 means the default: 10,000 plus 50 per fact. */
  Evaluation(int firingLimit) {
    this.firingLimit = firingLimit;
  }

  /** A fresh session for one snapshot. */
  static Decision fresh(RuleSet rules, Snapshot snapshot, int firingLimit) {
    try (RuleSession session = new RuleSession(rules)) {
      return new Evaluation(firingLimit).run(session, snapshot);
    }
  }

  /** The decision for {@code snapshot}; a failure leaves {@code session} unusable (start a fresh one). */
  Decision run(RuleSession session, Snapshot snapshot) {
    Provenance provenance = session.provenance();
    try {
      List<Object> facts = snapshot.facts();
      int limit = firingLimit > 0 ? firingLimit : 10_000 + 50 * facts.size();
      session.observe(facts);
      int fired = fire(session, limit, provenance);

      List<PriorityItem> priorities = rank(session.all(ScorePart.class), provenance);
      Map<String, Integer> rankOf = new HashMap<>();
      List<Ranked> ranked = new ArrayList<>(priorities.size());
      for (PriorityItem p : priorities) {
        rankOf.put(p.subject(), p.rank());
        ranked.add(new Ranked(p.subject(), p.total(), p.rank()));
      }
      session.rank(ranked);
      fired += fire(session, limit - fired, provenance);

      List<RouteItem> routes = RouteChooser.choose(candidates(session, provenance), rankOf, freeSlots(snapshot));
      List<Chosen> chosen = new ArrayList<>();
      for (RouteItem r : routes) {
        if (r.chosen()) chosen.add(new Chosen(r.subject(), r.agent(), r.score()));
      }
      session.choose(chosen);
      fired += fire(session, limit - fired, provenance);

      return new Decision(session.rules().revision(),
          new Decision.SnapshotInfo(snapshot.complete(), snapshot.takenAt(), snapshot.gaps()),
          fired, priorities, routes, proposals(session, provenance), escalations(session, provenance),
          checks(session, provenance), triage(session, provenance));
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EvaluationException("a rule failed while evaluating: " + rootMessage(e), e);
    }
  }

  private static int fire(RuleSession session, int limit, Provenance provenance) {
    if (limit <= 0) throw runaway(provenance, 0);
    int fired = session.fireAllRules(limit);
    if (fired >= limit) throw runaway(provenance, limit);
    return fired;
  }

  private static EvaluationException runaway(Provenance provenance, int limit) {
    return new EvaluationException("rules fired " + limit + " times without settling (firing limit);"
        + " busiest rule: " + provenance.busiestRule() + ". No decision was made.");
  }

  private static List<PriorityItem> rank(Collection<ScorePart> parts, Provenance why) {
    Map<String, List<Scored>> bySubject = new LinkedHashMap<>();
    for (ScorePart p : parts) {
      Because b = why.of(p);
      bySubject.computeIfAbsent(p.subject(), k -> new ArrayList<>())
          .add(new Scored(b.ruleId(), b.title(), p.points(), p.reason(), b.facts()));
    }
    List<Map.Entry<String, Integer>> totals = new ArrayList<>();
    bySubject.forEach((s, list) -> totals.add(Map.entry(s, list.stream().mapToInt(Scored::points).sum())));
    totals.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<PriorityItem> ranked = new ArrayList<>(totals.size());
    for (int i = 0; i < totals.size(); i++) {
      String s = totals.get(i).getKey();
      List<Scored> list = new ArrayList<>(bySubject.get(s));
      list.sort(STRONGEST_FIRST);
      ranked.add(new PriorityItem(s, totals.get(i).getValue(), i + 1, list));
    }
    return ranked;
  }

  private static Map<String, List<RouteChooser.Candidate>> candidates(RuleSession session, Provenance why) {
    Map<String, Map<String, List<Scored>>> parts = new HashMap<>();
    Map<String, Map<String, List<Scored>>> exclusions = new HashMap<>();
    for (RouteScore r : session.all(RouteScore.class)) {
      Because b = why.of(r);
      parts.computeIfAbsent(r.subject(), k -> new HashMap<>()).computeIfAbsent(r.agent(), k -> new ArrayList<>())
          .add(new Scored(b.ruleId(), b.title(), r.points(), r.reason(), b.facts()));
    }
    for (Ineligible x : session.all(Ineligible.class)) {
      Because b = why.of(x);
      exclusions.computeIfAbsent(x.subject(), k -> new HashMap<>()).computeIfAbsent(x.agent(), k -> new ArrayList<>())
          .add(new Scored(b.ruleId(), b.title(), 0, x.reason(), b.facts()));
    }
    Map<String, List<RouteChooser.Candidate>> out = new HashMap<>();
    for (String subject : union(parts.keySet(), exclusions.keySet())) {
      Map<String, List<Scored>> p = parts.getOrDefault(subject, Map.of());
      Map<String, List<Scored>> x = exclusions.getOrDefault(subject, Map.of());
      List<RouteChooser.Candidate> list = new ArrayList<>();
      for (String agent : union(p.keySet(), x.keySet())) {
        list.add(new RouteChooser.Candidate(subject, agent, sorted(p.get(agent)), sorted(x.get(agent))));
      }
      out.put(subject, list);
    }
    return out;
  }

  private static List<Scored> sorted(List<Scored> parts) {
    if (parts == null) return List.of();
    parts.sort(STRONGEST_FIRST);
    return parts;
  }

  private static Map<String, Integer> freeSlots(Snapshot snapshot) {
    Map<String, Integer> open = new HashMap<>();
    for (AgentLoad l : snapshot.loads()) open.put(l.agent(), l.openAssignments());
    Map<String, Integer> free = new HashMap<>();
    for (Agent a : snapshot.agents()) free.put(a.name(), Math.max(0, a.maxConcurrent() - open.getOrDefault(a.name(), 0)));
    return free;
  }

  private static List<ProposalItem> proposals(RuleSession session, Provenance why) {
    Map<String, List<VetoItem>> vetoes = new HashMap<>();
    for (Veto v : session.all(Veto.class)) {
      Because b = why.of(v);
      vetoes.computeIfAbsent(v.proposal(), k -> new ArrayList<>()).add(new VetoItem(b.ruleId(), b.title(), v.reason(), b.facts()));
    }
    List<ProposalItem> items = new ArrayList<>();
    for (Proposal p : session.all(Proposal.class)) {
      Because b = why.of(p);
      List<VetoItem> against = vetoes.getOrDefault(p.key(), List.of()).stream()
          .sorted(Comparator.comparing(VetoItem::ruleId).thenComparing(VetoItem::reason)).toList();
      items.add(new ProposalItem(p.key(), p.kind(), p.subject(), p.params(), b.ruleId(), b.title(), p.reason(), b.facts(), against));
    }
    return byKey(items, p -> p.subject() + '\0' + p.id());
  }

  private static List<EscalationItem> escalations(RuleSession session, Provenance why) {
    List<EscalationItem> items = new ArrayList<>();
    for (Escalation e : session.all(Escalation.class)) {
      Because b = why.of(e);
      items.add(new EscalationItem(e.subject(), e.reason(), b.ruleId(), b.title(), b.facts()));
    }
    return byKey(items, e -> e.subject() + '\0' + e.ruleId() + '\0' + e.reason());
  }

  private static List<CheckItem> checks(RuleSession session, Provenance why) {
    List<CheckItem> items = new ArrayList<>();
    for (Check c : session.all(Check.class)) {
      Because b = why.of(c);
      items.add(new CheckItem(c.subject(), c.name(), c.ok(), c.detail(), b.ruleId(), b.title()));
    }
    return byKey(items, c -> c.subject() + '\0' + c.name() + '\0' + c.detail());
  }

  private static List<TriageRequestItem> triage(RuleSession session, Provenance why) {
    List<TriageRequestItem> items = new ArrayList<>();
    for (TriageRequest t : session.all(TriageRequest.class)) {
      Because b = why.of(t);
      items.add(new TriageRequestItem(t.subject(), t.model(), t.role(), t.reason(), b.ruleId(), b.title(), b.facts()));
    }
    return byKey(items, t -> t.subject() + '\0' + t.role() + '\0' + t.ruleId());
  }

  /**
   * {@code items} in the order of their keys, each key built once: a decision of a large backlog
   * holds hundreds of thousands of items, and comparator chains re-derive keys at every comparison.
   */
  private static <T> List<T> byKey(List<T> items, java.util.function.Function<T, String> key) {
    List<Map.Entry<String, T>> keyed = new ArrayList<>(items.size());
    for (T item : items) keyed.add(Map.entry(key.apply(item), item));
    keyed.sort(Map.Entry.comparingByKey());
    List<T> sorted = new ArrayList<>(keyed.size());
    for (Map.Entry<String, T> e : keyed) sorted.add(e.getValue());
    return sorted;
  }

  private static List<String> union(Collection<String> a, Collection<String> b) {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
