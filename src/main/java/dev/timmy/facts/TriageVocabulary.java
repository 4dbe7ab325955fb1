package dev.timmy.facts;

import java.util.List;
import java.util.Set;

/**
 * The words a triage answer may use, the schema's enums: anything else is refused. The areas and
 * complexities are labels the rules already know, so an issue labelled with any of them needs no
 * triage.
 */
public final class TriageVocabulary {
  public static final List<String> AREAS = List.of(
      "architecture", "security", "ci", "build", "tests", "docs", "ui", "api", "data", "infra", "other");
  public static final List<String> KINDS = List.of(
      "bug", "feature", "refactor", "research", "analysis", "docs", "chore", "question");
  public static final List<String> COMPLEXITIES = List.of("small", "medium", "large");
  /** The longest summary kept; a longer one is cut. */
  public static final int SUMMARY_MAX = 200;

  private static final Set<String> CLASSIFYING = Set.copyOf(concat(AREAS, COMPLEXITIES));

  private TriageVocabulary() {}

  /** True when one of {@code labels} already says an area or a complexity. */
  public static boolean classified(List<String> labels) {
    return labels.stream().anyMatch(l -> CLASSIFYING.contains(l.toLowerCase(java.util.Locale.ROOT)));
  }

  /** The prefix of an area label written as a scope ({@code area/ci}); the bare word ({@code ci}) says the same. */
  public static final String AREA_PREFIX = "area/";

  /** The areas {@code labels} name, each once, in label order: {@code ci} and {@code area/ci} alike, any case. */
  public static Set<String> areasOf(List<String> labels) {
    return named(labels, AREAS, AREA_PREFIX);
  }

  /** The kinds of work {@code labels} name, each once, in label order, any case. */
  public static Set<String> kindsOf(List<String> labels) {
    return named(labels, KINDS, null);
  }

  private static Set<String> named(List<String> labels, List<String> words, String prefix) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (String l : labels) {
      String word = l.toLowerCase(java.util.Locale.ROOT);
      if (prefix != null && word.startsWith(prefix)) word = word.substring(prefix.length());
      if (words.contains(word)) out.add(word);
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
