package dev.timmy.decide;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
  private static final Comparator<Scored> STRONGEST_FIRST = (a, b) -> {
    if (a.points() != b.points()) return Integer.compare(b.points(), a.points());
    int byRule = a.ruleId().compareTo(b.ruleId());
    return byRule != 0 ? byRule : a.reason().compareTo(b.reason());
  };

  private final RuleSet rules;
  private final RuleSession live;
  private final int firingLimit;
  /** Set while running, read by the watchdog: the session to halt and who is firing. */
  private volatile RuleSession session;
  private volatile boolean halted;

  private Evaluation(RuleSet rules, RuleSession live, int firingLimit) {
    this.rules = rules;
    this.live = live;
    this.firingLimit = firingLimit;
  }

  /** In a fresh session, disposed after; {@code firingLimit} 0 means the default: 10,000 plus 50 per fact. */
  static Evaluation fresh(RuleSet rules, int firingLimit) {
    return new Evaluation(rules, null, firingLimit);
  }

  /** In a session that lives across cycles; a failure leaves it unusable (start a fresh one). */
  static Evaluation in(RuleSession live) {
    return new Evaluation(live.rules(), live, 0);
  }

  Decision run(Snapshot snapshot) {
    RuleSession s = live != null ? live : RuleSession.once(rules);
    session = s;
    boolean decided = false;
    try {
      Decision d = decide(s, snapshot);
      decided = !halted;
      return d;
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EvaluationException("a rule failed while evaluating" + inRule() + ": " + rootMessage(e), e);
    } catch (StackOverflowError e) {
      throw new EvaluationException("a rule recursed without end" + inRule() + " (StackOverflowError). No decision was made.");
    } catch (OutOfMemoryError e) {
      throw new EvaluationException("a rule ran out of memory" + inRule() + " (OutOfMemoryError). No decision was made.");
    } finally {
      // disposed here, by the thread that evaluates, when it is not to live on: a live session
      // that failed or was halted is half-told and is forgotten by its RuleBook
      if (live == null || !decided) s.close();
    }
  }

  /** Asks the engine to stop firing (from another thread); a consequence stuck in plain Java ignores it. */
  void halt() {
    halted = true;
    RuleSession s = session;
    if (s != null) s.halt();
  }

  /** Where the evaluation is: {@code " in rule ID \"title\""}, or {@code " while matching"} between firings. */
  String inRule() {
    RuleSession s = session;
    if (s == null) return " before the first firing";
    return s.provenance().firing().map(r -> " in rule " + r).orElse(" while matching (no rule firing)");
  }

  private Decision decide(RuleSession session, Snapshot snapshot) {
    Provenance provenance = session.provenance();
    List<Object> facts = snapshot.facts();
    int limit = firingLimit > 0 ? firingLimit : 10_000 + 50 * facts.size();
    session.observe(facts);
    int fired = fire(session, limit, provenance);

    List<PriorityItem> priorities = rank(session.inOrder(ScorePart.class), provenance, session.kept());
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

    Decision decision = new Decision(session.rules().revision(),
        new Decision.SnapshotInfo(snapshot.complete(), snapshot.takenAt(), snapshot.gaps()),
        fired, priorities, routes, proposals(session, provenance, session.kept()), escalations(session, provenance),
        checks(session, provenance), triage(session, provenance), agentStates(session));
    session.kept().cycleDone();
    return decision;
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

  /** {@code parts} come grouped by subject ({@link Ordered}). */
  private static List<PriorityItem> rank(List<ScorePart> parts, Provenance why, Kept kept) {
    List<Total> totals = new ArrayList<>();
    List<Scored> group = null;
    String subject = null;
    int sum = 0;
    for (ScorePart p : parts) {
      if (!p.subject().equals(subject)) {
        if (group != null) totals.add(new Total(subject, sum, group));
        subject = p.subject();
        group = new ArrayList<>(4);
        sum = 0;
      }
      group.add(why.item(p, (f, b) -> new Scored(b.ruleId(), b.title(), f.points(), f.reason(), b.facts())));
      sum += p.points();
    }
    if (group != null) totals.add(new Total(subject, sum, group));
    totals.sort(Total.HIGHEST_FIRST);
    List<PriorityItem> ranked = new ArrayList<>(totals.size());
    for (int i = 0; i < totals.size(); i++) {
      Total t = totals.get(i);
      t.parts().sort(STRONGEST_FIRST);
      ranked.add(kept.priority(t.subject(), t.total(), i + 1, t.parts()));
    }
    return ranked;
  }

  /** A subject's priority before it is ranked: highest total first, then by subject. */
  private record Total(String subject, int total, List<Scored> parts) {
    static final Comparator<Total> HIGHEST_FIRST = (a, b) ->
        a.total != b.total ? Integer.compare(b.total, a.total) : a.subject.compareTo(b.subject);
  }

  private static Map<String, List<RouteChooser.Candidate>> candidates(RuleSession session, Provenance why) {
    Map<String, Map<String, List<Scored>>> parts = new HashMap<>();
    Map<String, Map<String, List<Scored>>> exclusions = new HashMap<>();
    for (RouteScore r : session.all(RouteScore.class)) {
      parts.computeIfAbsent(r.subject(), k -> new HashMap<>()).computeIfAbsent(r.agent(), k -> new ArrayList<>())
          .add(why.item(r, (f, b) -> new Scored(b.ruleId(), b.title(), f.points(), f.reason(), b.facts())));
    }
    for (Ineligible x : session.all(Ineligible.class)) {
      exclusions.computeIfAbsent(x.subject(), k -> new HashMap<>()).computeIfAbsent(x.agent(), k -> new ArrayList<>())
          .add(why.item(x, (f, b) -> new Scored(b.ruleId(), b.title(), 0, f.reason(), b.facts())));
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

  private static List<ProposalItem> proposals(RuleSession session, Provenance why, Kept kept) {
    Map<String, List<VetoItem>> vetoes = new HashMap<>();
    for (Veto v : session.all(Veto.class)) {
      vetoes.computeIfAbsent(v.proposal(), k -> new ArrayList<>())
          .add(why.item(v, (f, b) -> new VetoItem(b.ruleId(), b.title(), f.reason(), b.facts())));
    }
    List<Proposal> inOrder = session.inOrder(Proposal.class);
    List<ProposalItem> items = new ArrayList<>(inOrder.size());
    for (Proposal p : inOrder) {
      ProposalItem unvetoed = why.item(p, (f, b) -> new ProposalItem(f.key(), f.kind(), f.subject(), f.params(),
          b.ruleId(), b.title(), f.reason(), b.facts(), List.of()));
      List<VetoItem> against = vetoes.get(unvetoed.id());
      if (against == null) {
        items.add(unvetoed);
      } else {
        against.sort(Comparator.comparing(VetoItem::ruleId).thenComparing(VetoItem::reason));
        items.add(kept.vetoed(unvetoed, against));
      }
    }
    return items;
  }

  private static List<EscalationItem> escalations(RuleSession session, Provenance why) {
    List<Map.Entry<String, EscalationItem>> items = new ArrayList<>();
    for (Escalation e : session.all(Escalation.class)) {
      items.add(why.item(e, (f, b) -> keyed(new EscalationItem(f.subject(), f.reason(), b.ruleId(), b.title(), b.facts()),
          i -> i.subject() + '\0' + i.ruleId() + '\0' + i.reason())));
    }
    return sortedByKey(items);
  }

  private static List<CheckItem> checks(RuleSession session, Provenance why) {
    List<Check> inOrder = session.inOrder(Check.class);
    List<CheckItem> items = new ArrayList<>(inOrder.size());
    for (Check c : inOrder) {
      items.add(why.item(c, (f, b) -> new CheckItem(f.subject(), f.name(), f.ok(), f.detail(), b.ruleId(), b.title())));
    }
    return items;
  }

  private static List<AgentState> agentStates(RuleSession session) {
    List<Map.Entry<String, AgentState>> items = new ArrayList<>();
    for (AgentState a : session.all(AgentState.class)) items.add(keyed(a, x -> x.agent() + '\0' + x.state()));
    return sortedByKey(items);
  }

  private static List<TriageRequestItem> triage(RuleSession session, Provenance why) {
    List<Map.Entry<String, TriageRequestItem>> items = new ArrayList<>();
    for (TriageRequest t : session.all(TriageRequest.class)) {
      items.add(why.item(t, (f, b) -> keyed(new TriageRequestItem(f.subject(), f.model(), f.role(), f.reason(), b.ruleId(),
          b.title(), b.facts()), i -> i.subject() + '\0' + i.role() + '\0' + i.ruleId())));
    }
    return sortedByKey(items);
  }

  /**
   * An item with its sort key, the key built once (and kept with the item while its fact lives):
   * a decision of a large backlog holds hundreds of thousands of items, and comparator chains
   * re-derive keys at every comparison.
   */
  private static <T> Map.Entry<String, T> keyed(T item, java.util.function.Function<T, String> key) {
    return Map.entry(key.apply(item), item);
  }

  private static <T> List<T> sortedByKey(List<Map.Entry<String, T>> keyed) {
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
