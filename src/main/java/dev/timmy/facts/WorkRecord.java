package dev.timmy.facts;

import java.util.List;
import java.util.Locale;

/**
 * An agent's record at one kind or one area of work ({@code facet}, {@code work}: a word of
 * {@link TriageVocabulary}) over the last {@code windowDays}: its closed pull requests of that work,
 * how many were merged, the review rounds they took, and the median hours to merge (-1 when no merge
 * could be timed). A merge is timed from the dispatch of the issue the pull closes where one is known
 * ({@code fromDispatch} of them), else from the pull's opening ({@code fromOpening}); one merged
 * before both is not timed. Counted by {@link WorkRecords}.
 */
public record WorkRecord(
    String agent, WorkFacet facet, String work, int windowDays, int merged, int closedUnmerged, int reviewRounds,
    double medianHoursToMerge, int fromDispatch, int fromOpening) {

  /** True when {@code labels} make an issue of this record's work: its kind, or its area ({@code ci} or {@code area/ci}). */
  public boolean fits(List<String> labels) {
    return facet.of(labels).contains(work);
  }

  /** True when a triage answer of {@code kind} and {@code area} makes an issue of this record's work. */
  public boolean fits(String kind, String area) {
    return work.equals(facet == WorkFacet.KIND ? kind : area);
  }

  public int closed() {
    return merged + closedUnmerged;
  }

  /** "5 of 6 bug PRs merged in 14 days, median 9 h from dispatch"; an area reads "5 of 6 ci-area PRs …". */
  public String words() {
    String what = facet == WorkFacet.AREA ? work + "-area" : work;
    return merged + " of " + closed() + " " + what + " PRs merged in " + windowDays + " days"
        + (medianHoursToMerge < 0 ? "" : ", median " + String.format(Locale.ROOT, "%.0f", medianHoursToMerge) + " h " + since())
        + (reviewRounds == 0 ? "" : ", " + reviewRounds + " review round(s)");
  }

  private String since() {
    if (fromOpening == 0) return "from dispatch";
    if (fromDispatch == 0) return "from PR opening";
    return "from dispatch (" + fromOpening + " of " + (fromDispatch + fromOpening) + " from PR opening)";
  }
}
