package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/**
 * An open or closed issue of a watched repository. {@code pull} is true when the issue is the
 * conversation of a pull request (Gitea lists those among issues too). {@code note} is what Timmy
 * wrote when it opened the issue ({@link TimmyNote}), null for anyone else's issue.
 */
public record Issue(
    String repo,
    int number,
    String title,
    String body,
    List<String> labels,
    String author,
    List<String> assignees,
    String state,
    Instant createdAt,
    Instant updatedAt,
    Instant lastActivityAt,
    String lastActivityBy,
    int commentCount,
    boolean pull,
    String milestone,
    Instant milestoneDueOn,
    TimmyNote note) {

  public Issue {
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
    body = body == null ? "" : body;
  }

  /** An issue Timmy did not open (or not known to be Timmy's): it makes no note. */
  public Issue(
      String repo, int number, String title, String body, List<String> labels, String author, List<String> assignees,
      String state, Instant createdAt, Instant updatedAt, Instant lastActivityAt, String lastActivityBy, int commentCount,
      boolean pull, String milestone, Instant milestoneDueOn) {
    this(repo, number, title, body, labels, author, assignees, state, createdAt, updatedAt, lastActivityAt, lastActivityBy,
        commentCount, pull, milestone, milestoneDueOn, null);
  }

  public String subject() {
    return Subjects.of(repo, number);
  }

  public boolean open() {
    return "open".equals(state);
  }

  public boolean hasLabel(String name) {
    for (String label : labels) {
      if (label.equalsIgnoreCase(name)) return true; // a loop: the rules ask this of every issue, many times a cycle
    }
    return false;
  }
}
