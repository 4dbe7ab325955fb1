package dev.timmy.observe;

import dev.timmy.facts.Comment;
import dev.timmy.facts.History;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import java.util.List;

/**
 * What a backlog source read: open issues and pulls with their comments, what closed within the
 * agent window ({@code history}, {@link History#none()} when not read), and what it missed: {@code gaps} in
 * words, and the repositories not fully read ({@code unreadRepos}), whose holds may be unseen.
 */
public record Backlog(
    List<Issue> issues, List<PullRequest> pulls, List<Comment> comments, boolean complete, List<String> gaps,
    History history, List<String> unreadRepos) {
  public Backlog {
    unreadRepos = unreadRepos == null ? List.of() : List.copyOf(unreadRepos);
    issues = List.copyOf(issues);
    pulls = List.copyOf(pulls);
    comments = List.copyOf(comments);
    gaps = List.copyOf(gaps);
    history = history == null ? History.none() : history;
  }

  /** A backlog in which every repository was read in full. */
  public Backlog(
      List<Issue> issues, List<PullRequest> pulls, List<Comment> comments, boolean complete, List<String> gaps,
      History history) {
    this(issues, pulls, comments, complete, gaps, history, List.of());
  }

  /** A backlog without history. */
  public Backlog(List<Issue> issues, List<PullRequest> pulls, List<Comment> comments, boolean complete, List<String> gaps) {
    this(issues, pulls, comments, complete, gaps, History.none());
  }
}
