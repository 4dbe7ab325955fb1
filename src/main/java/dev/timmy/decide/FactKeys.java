package dev.timmy.decide;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.AgentRecord;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.Clock;
import dev.timmy.facts.Comment;
import dev.timmy.facts.DayClock;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.Issue;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.Owner;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.TriageBudget;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity of an observed fact across snapshots: the same issue, pull, comment, agent… in
 * two cycles has the same key, so a live session can tell a fact that changed from one that
 * came or went. Kinds without a natural name are keyed by their whole value: a changed one is
 * then one that went and one that came, which is as correct, only less economical.
 */
final class FactKeys {
  /** {@code n} tells apart facts that share a type and name in one snapshot (it should not happen). */
  record Key(Class<?> type, Object name, int n) {}

  private FactKeys() {}

  /** The facts of a snapshot by key, in snapshot order. */
  static Map<Key, Object> of(List<?> facts) {
    Map<Key, Object> keyed = new LinkedHashMap<>(2 * facts.size());
    Map<Key, Integer> seen = new HashMap<>();
    for (Object fact : facts) {
      Key first = new Key(fact.getClass(), nameOf(fact), 0);
      Key key = keyed.containsKey(first) ? new Key(first.type(), first.name(), seen.merge(first, 1, Integer::sum)) : first;
      keyed.put(key, fact);
    }
    return keyed;
  }

  static Object nameOf(Object fact) {
    if (fact instanceof Issue i) return i.subject();
    if (fact instanceof PullRequest p) return p.subject();
    if (fact instanceof Comment c) return c.subject() + "/" + c.id();
    if (fact instanceof Agent a) return a.name();
    if (fact instanceof AgentLoad l) return l.agent();
    if (fact instanceof AgentRecord r) return r.agent();
    if (fact instanceof AutomationLoop l) return l.name();
    if (fact instanceof OllamaModel m) return m.name();
    if (fact instanceof Clock || fact instanceof DayClock || fact instanceof Owner || fact instanceof HostMetrics
        || fact instanceof TriageBudget) {
      return "";
    }
    if (fact instanceof Ranked r) return r.subject();
    if (fact instanceof Chosen c) return c.subject();
    return fact;
  }
}
