package dev.timmy.decide;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The facts a rule matched, kept as references during the evaluation and said in words
 * ({@link FactWords}) only when someone reads them: explain, the API, the journal. Facts are
 * immutable records, so the words are the same whenever they are built; they are built on each
 * read and not kept (a 10k-issue decision would hold some 300,000 of them between cycles, while
 * its readers, the journal and the API's answer cache, read each item once a cycle).
 */
final class MatchedFacts extends AbstractList<String> implements RandomAccess {
  private final Object[] facts;

  MatchedFacts(List<Object> facts) {
    this.facts = facts.toArray();
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
