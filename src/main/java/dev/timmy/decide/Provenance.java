package dev.timmy.decide;

import java.util.HashMap;
import java.util.IdentityHashMap;
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
  private final Map<Object, Because> origins = new IdentityHashMap<>();
  private final Map<String, Integer> firingsByRule = new HashMap<>();
  private Match current;

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    current = event.getMatch();
    firingsByRule.merge(idOf(current.getRule()), 1, Integer::sum);
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    current = null;
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    if (current == null) return;
    Rule rule = current.getRule();
    origins.put(event.getObject(), new Because(idOf(rule), titleOf(rule),
        current.getObjects().stream().map(FactWords::of).toList()));
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {}

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    origins.remove(event.getOldObject());
  }

  Because of(Object derived) {
    return origins.getOrDefault(derived, new Because("?", "unknown rule", java.util.List.of()));
  }

  /** The rule that fired most, to name the likely culprit of a runaway. */
  String busiestRule() {
    return firingsByRule.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(e -> e.getKey() + " (" + e.getValue() + " firings)").orElse("none");
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
