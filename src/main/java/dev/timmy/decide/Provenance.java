package dev.timmy.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Records, for every object a consequence inserts, the rule that fired and the facts it matched.
 * Logical facts that lose their support are deleted from the session; the caller reads the
 * surviving objects, so superseded firings never reach an explanation.
 */
final class Provenance extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
  /** The firing behind a derived fact; put in words only when asked, for the facts that survive. */
  private record Origin(Rule rule, List<Object> matched) {}

  private final Map<Object, Origin> origins;
  /** A fact is matched by many rules: say it in words once. */
  private final Map<Object, String> words;
  private final Map<Rule, int[]> firingsByRule = new IdentityHashMap<>();
  /** A rule's id and title, read once from its metadata. */
  private final Map<Rule, String[]> names = new IdentityHashMap<>();
  /** Volatile: the deadline watchdog reads it from another thread to name a rule that hangs. */
  private volatile Match current;

  /** {@code facts}: how many facts go in, to size the maps once instead of growing them. */
  Provenance(int facts) {
    origins = new IdentityHashMap<>(8 * facts);
    words = new IdentityHashMap<>(2 * facts);
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    current = event.getMatch();
    firingsByRule.computeIfAbsent(current.getRule(), r -> new int[1])[0]++;
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    current = null;
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    if (current == null) return;
    origins.put(event.getObject(), new Origin(current.getRule(), current.getObjects()));
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {}

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    origins.remove(event.getOldObject());
  }

  Because of(Object derived) {
    Origin o = origins.get(derived);
    if (o == null) return new Because("?", "unknown rule", List.of());
    String[] name = names.computeIfAbsent(o.rule(), r -> new String[] {idOf(r), titleOf(r)});
    List<String> said = new ArrayList<>(o.matched().size());
    for (Object fact : o.matched()) {
      String w = words.get(fact);
      if (w == null) {
        w = FactWords.of(fact);
        words.put(fact, w);
      }
      said.add(w);
    }
    return new Because(name[0], name[1], said);
  }

  /** The rule firing right now, as {@code ID "title"}; empty between firings (while matching). */
  java.util.Optional<String> firing() {
    Match m = current;
    return m == null ? java.util.Optional.empty()
        : java.util.Optional.of(idOf(m.getRule()) + " \"" + titleOf(m.getRule()) + "\"");
  }

  /** The rule that fired most, to name the likely culprit of a runaway. */
  String busiestRule() {
    return firingsByRule.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue()[0]))
        .map(e -> idOf(e.getKey()) + " (" + e.getValue()[0] + " firings)").orElse("none");
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
