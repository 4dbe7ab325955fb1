package dev.timmy.facts;

import java.util.Locale;

/**
 * An agent's record at one kind of work over the last {@code windowDays}: its closed pull requests
 * labelled {@code kind} (a word of {@link TriageVocabulary}: bug, feature, ci, docs…), how many
 * were merged, the review rounds they took, and the median hours from opening to merge (-1 when
 * none was merged or no opening is known). Counted by {@link AgentRecords#byKind}.
 */
public record KindRecord(
    String agent, String kind, int windowDays, int merged, int closedUnmerged, int reviewRounds, double medianHoursToMerge) {

  public int closed() {
    return merged + closedUnmerged;
  }

  /** "5 of 6 bug PRs merged in 14 days, median 9 h". */
  public String words() {
    return merged + " of " + closed() + " " + kind + " PRs merged in " + windowDays + " days"
        + (medianHoursToMerge < 0 ? "" : ", median " + String.format(Locale.ROOT, "%.0f", medianHoursToMerge) + " h")
        + (reviewRounds == 0 ? "" : ", " + reviewRounds + " review round(s)");
  }
}
