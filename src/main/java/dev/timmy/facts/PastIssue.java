package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/** An issue closed within the agent window, with whoever it was assigned to when it closed. */
public record PastIssue(String repo, int number, List<String> assignees, Instant closedAt) {
  public PastIssue {
    assignees = assignees == null ? List.of() : List.copyOf(assignees);
  }

  public String subject() {
    return Subjects.of(repo, number);
  }
}
