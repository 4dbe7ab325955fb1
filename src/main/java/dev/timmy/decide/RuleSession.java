package dev.timmy.decide;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A KIE session that lives across cycles. Each cycle it hears only what changed since the last
 * one: facts that came are inserted, facts that went are retracted, and a fact whose value
 * changed under the same key ({@link FactKeys}) is updated: its handle takes the new value and
 * every rule that matched it looks again. A rule that concludes what it concluded before
 * re-justifies the fact it had inserted logically, and nothing that follows from that fact moves
 * (a retraction and an insertion would withdraw and re-derive all of it); what no longer holds is
 * withdrawn. {@link Provenance} names the facts as they are now. The same holds for what Java
 * inserts between the firings ({@link Ranked}, {@link Chosen}). A fresh session is the same thing
 * starting empty; one that is disposed after its evaluation ({@link #once}) is told each kind of
 * fact once and keeps no keys.
 * Not thread-safe: one cycle at a time.
 */
final class RuleSession implements AutoCloseable {
  /** A fact in the session and the value it was inserted with. */
  private record Held(FactHandle handle, Object fact) {}

  private final RuleSet rules;
  /** False for a session disposed after one evaluation: it inserts without keeping keys or handles. */
  private final boolean lives;
  private final KieSession session;
  private final Provenance provenance = new Provenance();
  private final Ordered ordered = new Ordered();
  private final Kept kept;
  private final Map<FactKeys.Key, Held> observed = new HashMap<>();
  private final Map<FactKeys.Key, Held> ranked = new HashMap<>();
  private final Map<FactKeys.Key, Held> chosen = new HashMap<>();

  private RuleSession(RuleSet rules, boolean lives) {
    this.rules = rules;
    this.lives = lives;
    this.kept = new Kept(lives);
    this.session = rules.base().newKieSession();
    session.addEventListener((AgendaEventListener) provenance);
    session.addEventListener((RuleRuntimeEventListener) provenance);
    if (lives) session.addEventListener(ordered);
  }

  /** A session that lives across cycles, told what changed each time. */
  static RuleSession living(RuleSet rules) {
    return new RuleSession(rules, true);
  }

  /** A session for one evaluation: each kind of fact is told once, so it keeps no keys. */
  static RuleSession once(RuleSet rules) {
    return new RuleSession(rules, false);
  }

  RuleSet rules() {
    return rules;
  }

  Provenance provenance() {
    return provenance;
  }

  /** Brings the observed facts to {@code facts}; returns how many came, went or changed. */
  int observe(List<Object> facts) {
    provenance.newCycle(facts.size());
    return sync(observed, facts);
  }

  int rank(List<Ranked> facts) {
    return sync(ranked, facts);
  }

  int choose(List<Chosen> facts) {
    return sync(chosen, facts);
  }

  int fireAllRules(int limit) {
    return session.fireAllRules(limit);
  }

  @SuppressWarnings("unchecked")
  <T> Collection<T> all(Class<T> type) {
    return (Collection<T>) session.getObjects(new ClassObjectFilter(type));
  }

  Kept kept() {
    return kept;
  }

  /**
   * The checks, proposals or priority parts in the session, in the decision's order: kept in it
   * across the cycles of a living session, sorted once in a session used once ({@link Ordered}).
   */
  <T> List<T> inOrder(Class<T> type) {
    return lives ? ordered.all(type) : ordered.sorted(type, all(type));
  }

  private int sync(Map<FactKeys.Key, Held> held, List<?> facts) {
    if (!lives) {
      for (Object fact : facts) session.insert(fact);
      return facts.size();
    }
    Map<FactKeys.Key, Object> wanted = FactKeys.of(facts);
    int changed = 0;
    for (Iterator<Map.Entry<FactKeys.Key, Held>> it = held.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<FactKeys.Key, Held> e = it.next();
      if (!wanted.containsKey(e.getKey())) {
        session.delete(e.getValue().handle());
        it.remove();
        changed++;
      }
    }
    for (Map.Entry<FactKeys.Key, Object> e : wanted.entrySet()) {
      Held old = held.get(e.getKey());
      Object fact = e.getValue();
      if (old != null && (old.fact() == fact || old.fact().equals(fact))) continue;
      if (old != null) {
        session.update(old.handle(), fact);
        held.put(e.getKey(), new Held(old.handle(), fact));
      } else {
        held.put(e.getKey(), new Held(session.insert(fact), fact));
      }
      changed++;
    }
    return changed;
  }

  /** Asks the engine to stop firing (from another thread). */
  void halt() {
    session.halt();
  }

  @Override
  public void close() {
    session.dispose();
  }
}
