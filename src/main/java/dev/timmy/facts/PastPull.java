package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/**
 * A pull request closed within the agent window: its author, whether it was merged, when it
 * closed, how many of its heads went red ({@code ciFailures}: Timmy's ci-failed notices plus a
 * red final head) and how many reviews requested changes ({@code reviewRounds}); its labels (the
 * kinds and areas of work it was), when it was opened, the issue it closes ({@code linkedIssue},
 * 0 if none) and the {@link Dispatch}es of that issue (read only for a merged pull), for the
 * agents' records by kind and area of work ({@link WorkRecords}).
 */
public record PastPull(
    String repo, int number, String author, boolean merged, Instant closedAt, int ciFailures, int reviewRounds,
    List<String> labels, Instant openedAt, int linkedIssue, List<Dispatch> dispatches) {

  public PastPull {
    labels = labels == null ? List.of() : List.copyOf(labels);
    dispatches = dispatches == null ? List.of() : List.copyOf(dispatches);
  }

  /** A closed pull request whose labels and opening are not known. */
  public PastPull(String repo, int number, String author, boolean merged, Instant closedAt, int ciFailures, int reviewRounds) {
    this(repo, number, author, merged, closedAt, ciFailures, reviewRounds, List.of(), null, 0, List.of());
  }

  /** A closed pull request linked to no issue, so with no dispatch known. */
  public PastPull(String repo, int number, String author, boolean merged, Instant closedAt, int ciFailures, int reviewRounds,
      List<String> labels, Instant openedAt) {
    this(repo, number, author, merged, closedAt, ciFailures, reviewRounds, labels, openedAt, 0, List.of());
  }

  public String subject() {
    return Subjects.of(repo, number);
  }
}
