package dev.timmy.facts;

import java.util.List;
import java.util.Set;

/** Which side of a piece of work a {@link WorkRecord} counts: its kind (bug, feature…) or its area (ci, docs…). */
public enum WorkFacet {
  KIND,
  AREA;

  /** The words of this facet that {@code labels} name ({@link TriageVocabulary#kindsOf}, {@link TriageVocabulary#areasOf}). */
  public Set<String> of(List<String> labels) {
    return this == KIND ? TriageVocabulary.kindsOf(labels) : TriageVocabulary.areasOf(labels);
  }
}
