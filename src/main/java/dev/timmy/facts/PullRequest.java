package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/**
 * A pull request with what merging depends on: head sha, draft, mergeable, the combined CI state
 * of the head (with the failing contexts), and the reviews that count (latest per reviewer, on
 * any commit, not dismissed). {@code linkedIssue} is the issue number it closes, 0 if none.
 */
public record PullRequest(
    String repo,
    int number,
    String title,
    String author,
    String state,
    boolean merged,
    String headRef,
    String baseRef,
    String headSha,
    boolean draft,
    boolean mergeable,
    CiState ciState,
    List<String> ciFailing,
    List<String> approvedBy,
    List<String> changesRequestedBy,
    List<String> labels,
    List<String> assignees,
    int linkedIssue,
    Instant createdAt,
    Instant updatedAt) {

  public PullRequest {
    ciFailing = List.copyOf(ciFailing);
    approvedBy = List.copyOf(approvedBy);
    changesRequestedBy = List.copyOf(changesRequestedBy);
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
  }

  public String subject() {
    return Subjects.of(repo, number);
  }

  public boolean open() {
    return "open".equals(state);
  }

  public int approvals() {
    return approvedBy.size();
  }

  /** Approvals by someone other than the author. */
  public int approvalsByOthers() {
    return (int) approvedBy.stream().filter(r -> !r.equalsIgnoreCase(author)).count();
  }

  public boolean changesRequested() {
    return !changesRequestedBy.isEmpty();
  }

  public String linkedSubject() {
    return linkedIssue > 0 ? Subjects.of(repo, linkedIssue) : "";
  }
}
