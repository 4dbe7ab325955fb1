package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/**
 * A pull request closed within the agent window: its author, whether it was merged, when it
 * closed, how many of its heads went red ({@code ciFailures}: Timmy's ci-failed notices plus a
 * red final head) and how many reviews requested changes ({@code reviewRounds}); its labels (the
 * kinds of work it was) and when it was opened, for the agents' records by kind of work.
 */
public record PastPull(
    String repo, int number, String author, boolean merged, Instant closedAt, int ciFailures, int reviewRounds,
    List<String> labels, Instant openedAt) {

  public PastPull {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** A closed pull request whose labels and opening are not known. */
  public PastPull(String repo, int number, String author, boolean merged, Instant closedAt, int ciFailures, int reviewRounds) {
    this(repo, number, author, merged, closedAt, ciFailures, reviewRounds, List.of(), null);
  }

  public String subject() {
    return Subjects.of(repo, number);
  }
}
