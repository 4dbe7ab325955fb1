package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/**
 * An issue closed within the agent window, with whoever it was assigned to when it closed and its
 * labels then (the area of the pull request that closed it, when the pull itself has none).
 */
public record PastIssue(String repo, int number, List<String> assignees, Instant closedAt, List<String> labels) {
  public PastIssue {
    assignees = assignees == null ? List.of() : List.copyOf(assignees);
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** A closed issue whose labels are not known. */
  public PastIssue(String repo, int number, List<String> assignees, Instant closedAt) {
    this(repo, number, assignees, closedAt, List.of());
  }

  public String subject() {
    return Subjects.of(repo, number);
  }
}
