package dev.timmy.scenarios;

import dev.timmy.facts.Issue;
import dev.timmy.facts.TimmyNote;
import java.time.Instant;
import java.util.List;

/**
 * An issue as a scenario writes it: the {@link Issue} components, all but repo and number
 * optional; its note, as in Gitea, comes from the author and the marker ending its body.
 */
record IssueSpec(
    String repo, Integer number, String title, String body, List<String> labels, String author,
    List<String> assignees, String state, Instant createdAt, Instant updatedAt, Instant lastActivityAt,
    String lastActivityBy, Integer commentCount, Boolean pull, String milestone, Instant milestoneDueOn) {

  IssueSpec {
    Defaults.require(repo != null && !repo.isBlank(), "an issue needs repo (owner/name)");
    Defaults.require(number != null && number > 0, "an issue needs a positive number");
  }

  /** Omitted: open, by alex, no labels or assignees, every time = now, last activity by its author. */
  Issue toFact(Instant now, String timmyLogin) {
    String by = Defaults.or(author, "alex");
    Instant created = Defaults.or(createdAt, now);
    return new Issue(repo, number, Defaults.or(title, "issue " + number), Defaults.or(body, ""),
        Defaults.list(labels), by, Defaults.list(assignees), Defaults.or(state, "open"),
        created, Defaults.or(updatedAt, now), Defaults.or(lastActivityAt, now),
        Defaults.or(lastActivityBy, by), Defaults.or(commentCount, 0), Defaults.or(pull, false), milestone,
        milestoneDueOn, TimmyNote.ofIssue(by, body, created, timmyLogin).orElse(null));
  }
}
