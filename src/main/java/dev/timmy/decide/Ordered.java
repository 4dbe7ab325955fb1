package dev.timmy.decide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
 * The derived facts a decision lists at length (checks, proposals, priority parts), kept in the
 * decision's order as the engine inserts and deletes them, for as long as the session lives: a
 * cycle that changed a few of them reads them in order without sorting them all again. Checks are ordered by subject,
 * name and detail, proposals by subject and key, priority parts by subject; facts that compare
 * equal keep the order they came in.
 */
final class Ordered implements RuleRuntimeEventListener {
  /** A place in the order: the fact, then its arrival among facts that compare equal. */
  private record Place(Object fact, long arrival) {}

  private static final class Index {
    final Function<Object, String> subject;
    /** Within one subject. */
    final Comparator<Object> within;
    final TreeMap<Place, Object> inOrder;
    final Map<Object, Place> places = new IdentityHashMap<>();

    Index(Function<Object, String> subject, Comparator<Object> within) {
      this.subject = subject;
      this.within = within;
      Comparator<Object> order = Comparator.comparing(subject).thenComparing(within);
      this.inOrder = new TreeMap<>((a, b) -> {
        int c = order.compare(a.fact(), b.fact());
        return c != 0 ? c : Long.compare(a.arrival(), b.arrival());
      });
    }
  }

  private final Map<Class<?>, Index> indexes = new IdentityHashMap<>();
  private long arrivals;

  Ordered() {
    index(Check.class, Check::subject, Comparator.comparing(Check::name).thenComparing(Check::detail));
    index(Proposal.class, Proposal::subject, Comparator.comparing(Proposal::key));
    index(ScorePart.class, ScorePart::subject, (a, b) -> 0);
  }

  /** Facts of {@code type} ordered by {@code subject}, then within a subject by {@code within}. */
  @SuppressWarnings("unchecked")
  private <T> void index(Class<T> type, Function<T, String> subject, Comparator<T> within) {
    indexes.put(type, new Index(f -> subject.apply((T) f), (a, b) -> within.compare((T) a, (T) b)));
  }

  /** The facts of {@code type} in order: {@link Check}, {@link Proposal}, or {@link ScorePart} grouped by subject. */
  @SuppressWarnings("unchecked")
  <T> List<T> all(Class<T> type) {
    return new ArrayList<>((Collection<T>) indexes.get(type).inOrder.values());
  }

  /**
   * {@code facts} of {@code type} in the same order, sorted once: for a session that evaluates
   * once, where sorting at the end costs less than keeping the order while the engine fires.
   */
  @SuppressWarnings("unchecked")
  <T> List<T> sorted(Class<T> type, Collection<T> facts) {
    // grouped by subject first, then the subjects sorted and each group sorted: a comparison of
    // two subjects ("alex/demo#1234", "alex/demo#1235") walks their common prefix, and a sort of
    // all the facts would make a dozen of them per fact
    Index index = indexes.get(type);
    Map<String, List<Object>> bySubject = new HashMap<>();
    for (T fact : facts) bySubject.computeIfAbsent(index.subject.apply(fact), k -> new ArrayList<>(4)).add(fact);
    String[] subjects = bySubject.keySet().toArray(new String[0]);
    Arrays.sort(subjects);
    List<T> out = new ArrayList<>(facts.size());
    for (String subject : subjects) {
      List<Object> group = bySubject.get(subject);
      group.sort(index.within); // stable: facts that compare equal keep the session's order
      for (Object fact : group) out.add((T) fact);
    }
    return out;
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    Object fact = event.getObject();
    Index index = indexes.get(fact.getClass());
    if (index == null) return;
    Place place = new Place(fact, arrivals++);
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
