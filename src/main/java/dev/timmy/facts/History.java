package dev.timmy.facts;

import java.util.List;

/**
 * What closed within the last {@code windowDays}: pull requests (merged or not) and issues. It
 * feeds {@link AgentRecord}s; the rules do not see it directly. {@code windowDays} 0 means no
 * history was read, and then no agent has a record.
 */
public record History(int windowDays, List<PastPull> pulls, List<PastIssue> issues) {
  public History {
    pulls = pulls == null ? List.of() : List.copyOf(pulls);
    issues = issues == null ? List.of() : List.copyOf(issues);
  }

  public static History none() {
    return new History(0, List.of(), List.of());
  }
}
