package dev.timmy.decide;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * The derived facts a decision lists at length (checks, proposals, priority parts), kept in the decision's order
 * as the engine inserts and deletes them, for as long as the session lives: a cycle that changed
 * a few of them reads them in order without sorting them all again. Each is ordered by a key
 * built once from its value; facts with the same key keep the order they came in.
 */
final class Ordered implements RuleRuntimeEventListener {
  /** A place in the order: the key, then the arrival. */
  private record Place(String key, long arrival) implements Comparable<Place> {
    @Override
    public int compareTo(Place o) {
      int byKey = key.compareTo(o.key);
      return byKey != 0 ? byKey : Long.compare(arrival, o.arrival);
    }
  }

  private static final class Index {
    final Function<Object, String> key;
    final TreeMap<Place, Object> inOrder = new TreeMap<>();
    final Map<Object, Place> places = new IdentityHashMap<>();

    Index(Function<Object, String> key) {
      this.key = key;
    }
  }

  private final Map<Class<?>, Index> indexes = new IdentityHashMap<>();
  private long arrivals;

  Ordered() {
    index(Check.class, c -> c.subject() + '\0' + c.name() + '\0' + c.detail());
    index(Proposal.class, p -> p.subject() + '\0' + p.key());
    index(ScorePart.class, ScorePart::subject);
  }

  @SuppressWarnings("unchecked")
  private <T> void index(Class<T> type, Function<T, String> key) {
    indexes.put(type, new Index(o -> key.apply((T) o)));
  }

  /** The facts of {@code type} in order (a type kept here: {@link Check}, {@link Proposal}, {@link ScorePart} by subject). */
  @SuppressWarnings("unchecked")
  <T> List<T> all(Class<T> type) {
    return new ArrayList<>((Collection<T>) indexes.get(type).inOrder.values());
  }

  /**
   * {@code facts} of {@code type} in the same order, sorted once: for a session that evaluates
   * once, where sorting at the end costs less than keeping the order while the engine fires.
   */
  <T> List<T> sorted(Class<T> type, Collection<T> facts) {
    Index index = indexes.get(type);
    List<Map.Entry<String, T>> keyed = new ArrayList<>(facts.size());
    for (T fact : facts) keyed.add(Map.entry(index.key.apply(fact), fact));
    keyed.sort(Map.Entry.comparingByKey()); // stable: facts with the same key keep the session's order
    List<T> out = new ArrayList<>(keyed.size());
    for (Map.Entry<String, T> e : keyed) out.add(e.getValue());
    return out;
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    Object fact = event.getObject();
    Index index = indexes.get(fact.getClass());
    if (index == null) return;
    Place place = new Place(index.key.apply(fact), arrivals++);
    index.inOrder.put(place, fact);
    index.places.put(fact, place);
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {
    // derived facts are never updated; observed ones are not kept here
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    Object fact = event.getOldObject();
    Index index = indexes.get(fact.getClass());
    if (index == null) return;
    Place place = index.places.remove(fact);
    if (place != null) index.inOrder.remove(place);
  }
}
