package dev.timmy.decide;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Map;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Records, for every object a consequence inserts, the rule that fired and the facts it matched
 * (references, not words: {@link MatchedFacts} says them when read). Logical facts that lose
 * their support are deleted from the session and forgotten here; the caller reads the surviving
 * objects, so superseded firings never reach an explanation. Lives as long as its session.
 */
final class Provenance extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
  /**
   * The firing behind a derived fact; put in words only when asked, for the facts that survive.
   * {@code item} is what the decision made of it, kept while the fact lives: a live session's
   * next cycle reuses it instead of building it again.
   */
  private static final class Origin {
    final Fired rule;
    /** The matched facts' handles: a fact that changed keeps its handle and holds its new value. */
    final InternalFactHandle[] handles;
    /** The values the item was built from. */
    MatchedFacts matched;
    Object item;

    Origin(Fired rule, List<? extends FactHandle> matched) {
      this.rule = rule;
      InternalFactHandle[] held = new InternalFactHandle[matched.size()];
      int n = 0;
      for (FactHandle h : matched) {
        if (h instanceof InternalFactHandle f && f.getObject() != null) held[n++] = f;
      }
      this.handles = n == held.length ? held : Arrays.copyOf(held, n);
      this.matched = MatchedFacts.of(handles);
    }

    /**
     * True when a matched fact has changed since the item was built. A live session tells a
     * changed fact as a new value of its handle; a rule that fires again on it and concludes what
     * it concluded before re-justifies the fact it had inserted, which keeps its first origin.
     */
    boolean moved() {
      return !matched.holds(handles);
    }
  }

  private static final int DERIVED_PER_FACT = 8;

  private Map<Object, Origin> origins = new IdentityHashMap<>();
  /**
   * The session's rules by name, whose hash a string keeps (an identity hash of Drools' rule
   * objects, which it synchronises on, is a call into the JVM). Two rules of one name in two
   * packages share a slot: each firing then finds its own, at the cost of the other's count.
   */
  private final Map<String, Fired> rules = new HashMap<>();

  /** A rule as it fires: its id and title, read once from its metadata, and its firings this cycle. */
  private static final class Fired {
    final Rule rule;
    final String id;
    final String title;
    int times;

    Fired(Rule rule) {
      this.rule = rule;
      this.id = idOf(rule);
      this.title = titleOf(rule);
    }
  }

  /** The rule of {@link #current}, read on the firing thread only. */
  private Fired firing;
  /** Volatile: the deadline watchdog reads it from another thread to name a rule that hangs. */
  private volatile Match current;

  /**
   * Starts counting the firings of a new cycle of {@code facts} observed facts; the first sizes the
   * table of origins for what they usually derive (some seven facts each), which would otherwise be
   * rehashed a dozen times as it grows from empty.
   */
  void newCycle(int facts) {
    for (Fired rule : rules.values()) rule.times = 0;
    if (origins.isEmpty()) origins = new IdentityHashMap<>(DERIVED_PER_FACT * facts);
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    current = event.getMatch();
    Rule rule = current.getRule();
    Fired fired = rules.get(rule.getName());
    if (fired == null || fired.rule != rule) {
      fired = new Fired(rule);
      rules.put(rule.getName(), fired);
    }
    fired.times++;
    firing = fired;
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    current = null;
    firing = null;
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    if (current == null) return;
    origins.put(event.getObject(), new Origin(firing, current.getFactHandles()));
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {}

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    origins.remove(event.getOldObject());
  }

  /**
   * What {@code build} makes of a derived fact and its origin, built once for as long as the fact
   * lives. {@code build} must depend on nothing else (not on the rank, not on other facts).
   */
  @SuppressWarnings("unchecked")
  <F, T> T item(F derived, BiFunction<F, Because, T> build) {
    Origin o = origins.get(derived);
    if (o == null) return build.apply(derived, because(null));
    if (o.item != null && o.moved()) {
      o.matched = MatchedFacts.of(o.handles);
      o.item = null;
    }
    if (o.item == null) o.item = build.apply(derived, because(o));
    return (T) o.item;
  }

  private Because because(Origin o) {
    if (o == null) return new Because("?", "unknown rule", List.of());
    return new Because(o.rule.id, o.rule.title, o.matched);
  }

  /** The rule firing right now, as {@code ID "title"}; empty between firings (while matching). */
  java.util.Optional<String> firing() {
    Match m = current;
    return m == null ? java.util.Optional.empty()
        : java.util.Optional.of(idOf(m.getRule()) + " \"" + titleOf(m.getRule()) + "\"");
  }

  /** The rule that fired most, to name the likely culprit of a runaway. */
  String busiestRule() {
    return rules.values().stream().filter(f -> f.times > 0).max(Comparator.comparingInt(f -> f.times))
        .map(f -> f.id + " (" + f.times + " firings)").orElse("none");
  }

  private static String idOf(Rule rule) {
    Object id = rule.getMetaData().get("id");
    return id == null ? rule.getName() : id.toString();
  }

  private static String titleOf(Rule rule) {
    Object title = rule.getMetaData().get("title");
    return title == null ? rule.getName() : title.toString();
  }
}
