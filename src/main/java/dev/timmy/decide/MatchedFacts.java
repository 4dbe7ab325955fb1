package dev.timmy.decide;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.drools.core.common.InternalFactHandle;

/**
 * The facts a rule matched, kept as references during the evaluation and said in words
 * ({@link FactWords}) only when someone reads them: explain, the API, the journal. Facts are
 * immutable records, so the words are the same whenever they are built; they are built on each
 * read and not kept (a 10k-issue decision would hold some 300,000 of them between cycles, while
 * its readers, the journal and the API's answer cache, read each item once a cycle).
 */
final class MatchedFacts extends AbstractList<String> implements RandomAccess {
  private final Object[] facts;

  private MatchedFacts(Object[] facts) {
    this.facts = facts;
  }

  /** The values {@code handles} hold now. */
  static MatchedFacts of(InternalFactHandle[] handles) {
    Object[] facts = new Object[handles.length];
    for (int i = 0; i < handles.length; i++) facts[i] = handles[i].getObject();
    return new MatchedFacts(facts);
  }

  /** True when each of {@code handles} still holds the value said here (a deleted one counts as held). */
  boolean holds(InternalFactHandle[] handles) {
    for (int i = 0; i < handles.length; i++) {
      Object now = handles[i].getObject();
      if (now != null && now != facts[i]) return false;
    }
    return true;
  }

  /** An immutable copy of {@code facts}, keeping the references of matched facts unsaid. */
  static List<String> copyOf(List<String> facts) {
    return facts instanceof MatchedFacts ? facts : List.copyOf(facts);
  }

  @Override
  public String get(int index) {
    return FactWords.of(facts[index]);
  }

  @Override
  public int size() {
    return facts.length;
  }
}
