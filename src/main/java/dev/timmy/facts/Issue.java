package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/**
 * An open or closed issue of a watched repository. {@code pull} is true when the issue is the
 * conversation of a pull request (Gitea lists those among issues too).
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
    Instant milestoneDueOn) {

  public Issue {
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
    body = body == null ? "" : body;
  }

  public String subject() {
    return Subjects.of(repo, number);
  }

  public boolean open() {
    return "open".equals(state);
  }

  public boolean hasLabel(String name) {
    return labels.stream().anyMatch(l -> l.equalsIgnoreCase(name));
  }
}
