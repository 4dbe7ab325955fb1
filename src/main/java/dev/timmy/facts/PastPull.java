package dev.timmy.facts;

import java.time.Instant;

/**
 * A pull request closed within the agent window: its author, whether it was merged, when it
 * closed, how many of its heads went red ({@code ciFailures}: Timmy's ci-failed notices plus a
 * red final head) and how many reviews requested changes ({@code reviewRounds}).
 */
public record PastPull(
    String repo, int number, String author, boolean merged, Instant closedAt, int ciFailures, int reviewRounds) {

  public String subject() {
    return Subjects.of(repo, number);
  }
}
