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

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
