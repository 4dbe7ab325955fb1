package dev.timmy.observe;

import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import java.util.List;

/** What a backlog source read: open issues and pulls with their comments, and what it missed. */
public record Backlog(
    List<Issue> issues, List<PullRequest> pulls, List<Comment> comments, boolean complete, List<String> gaps) {
  public Backlog {
    issues = List.copyOf(issues);
    pulls = List.copyOf(pulls);
    comments = List.copyOf(comments);
    gaps = List.copyOf(gaps);
  }
}
