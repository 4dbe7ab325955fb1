package dev.timmy.facts;

/**
 * An agent's throughput and quality over the last {@code windowDays}: its pull requests merged and
 * closed unmerged, the CI failures on its pull requests (distinct red heads, open or closed), the
 * review round-trips (changes requested) on them, and the issues closed while assigned to it.
 * Counted from the snapshot's {@link History} and open pull requests by {@link AgentRecords}.
 */
public record AgentRecord(
    String agent, int windowDays, int merged, int closedUnmerged, int ciFailures, int reviewRounds, int issuesClosed) {

  /** The record in words, for explanations. */
  public String words() {
    return windowDays + " days: " + merged + " merged, " + closedUnmerged + " closed unmerged, " + ciFailures
        + " CI failure(s), " + reviewRounds + " review round(s), " + issuesClosed + " issue(s) closed";
  }
}
