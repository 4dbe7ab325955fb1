package dev.timmy.decide;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The facts a rule matched, kept as references during the evaluation and said in words
 * ({@link FactWords}) only when someone reads them: explain, the API, the journal. Facts are
 * immutable records, so the words are the same whenever they are built; each is built once.
 */
final class MatchedFacts extends AbstractList<String> implements RandomAccess {
  private final Object[] facts;
  private final String[] words;

  MatchedFacts(List<Object> facts) {
    this.facts = facts.toArray();
    this.words = new String[this.facts.length];
  }

  /** An immutable copy of {@code facts}, keeping the references of matched facts unsaid. */
  static List<String> copyOf(List<String> facts) {
    return facts instanceof MatchedFacts ? facts : List.copyOf(facts);
  }

  @Override
  public String get(int index) {
    String w = words[index];
    if (w == null) {
      w = FactWords.of(facts[index]);
      words[index] = w; // a racing reader builds the same string: harmless
    }
    return w;
  }

  @Override
  public int size() {
    return facts.length;
  }
}
