package dev.timmy.scenarios;

import dev.timmy.facts.CiState;
import dev.timmy.facts.PullRequest;
import java.time.Instant;
import java.util.List;

/** A pull request as a scenario writes it: the {@link PullRequest} components, all but repo and number optional. */
record PullSpec(
    String repo, Integer number, String title, String author, String state, Boolean merged, String headRef,
    String baseRef, String headSha, Boolean draft, Boolean mergeable, CiState ciState, List<String> ciFailing,
    List<String> approvedBy, List<String> changesRequestedBy, List<String> labels, List<String> assignees,
    Integer linkedIssue, Instant createdAt, Instant updatedAt) {

  PullSpec {
    Defaults.require(repo != null && !repo.isBlank(), "a pull request needs repo (owner/name)");
    Defaults.require(number != null && number > 0, "a pull request needs a positive number");
  }

  /** Omitted: open, not merged, by alex, pr-N into main at abc123, ready, mergeable, no CI, no reviews, now. */
  PullRequest toFact(Instant now) {
    return new PullRequest(repo, number, Defaults.or(title, "pull request " + number), Defaults.or(author, "alex"),
        Defaults.or(state, "open"), Defaults.or(merged, false), Defaults.or(headRef, "pr-" + number),
        Defaults.or(baseRef, "main"), Defaults.or(headSha, "abc123"), Defaults.or(draft, false),
        Defaults.or(mergeable, true), Defaults.or(ciState, CiState.NONE), Defaults.list(ciFailing),
        Defaults.list(approvedBy), Defaults.list(changesRequestedBy), Defaults.list(labels),
        Defaults.list(assignees), Defaults.or(linkedIssue, 0), Defaults.or(createdAt, now), Defaults.or(updatedAt, now));
  }
}
