package dev.timmy.observe.gitea;

import dev.timmy.gitea.GiteaMapping;
import dev.timmy.gitea.GiteaWire;

import dev.timmy.facts.CiState;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Subjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What is known of one repository between cycles: open issues, open pulls with their reviews and
 * head status, and comments, all as Gitea sent them. Only the source's thread touches it.
 */
final class RepoState {
  /** A pull with what was read about it, and when its current head was first seen. */
  record Pull(GiteaWire.PullRequest pull, List<GiteaWire.PullReview> reviews, GiteaWire.CombinedStatus status,
      Instant headSeenAt) {
    String sha() {
      return pull.head() == null ? "" : pull.head().sha();
    }
  }

  final String repo;
  final Map<Integer, GiteaWire.Issue> issues = new TreeMap<>();
  final Map<Integer, Pull> pulls = new TreeMap<>();
  final Map<Long, GiteaWire.Comment> comments = new TreeMap<>();
  /** Server time from which the next incremental read asks for changes; null before a full read. */
  Instant cursor;
  /** Local time of the last complete full read. */
  Instant lastFull;

  RepoState(String repo) {
    this.repo = repo;
  }

  void putIssue(GiteaWire.Issue w) {
    int n = (int) w.number();
    if ("open".equals(w.state())) issues.put(n, w);
    else forget(n);
  }

  /** An item that closed (or was never open) leaves with its comments. */
  void forget(int number) {
    issues.remove(number);
    pulls.remove(number);
    comments.values().removeIf(c -> GiteaMapping.conversationNumber(c) == number);
  }

  /** The facts of everything open, ordered by number; comments only of open items. */
  List<Issue> issueFacts(List<Comment> commentFacts, String self) {
    Map<String, List<Comment>> bySubject = commentFacts.stream().collect(Collectors.groupingBy(Comment::subject));
    return issues.values().stream()
        .map(w -> GiteaMapping.issue(repo, w, bySubject.getOrDefault(Subjects.of(repo, (int) w.number()), List.of()), self))
        .toList();
  }

  List<PullRequest> pullFacts() {
    return pulls.values().stream().map(p -> GiteaMapping.pull(repo, p.pull(), p.reviews(), p.status())).toList();
  }

  /** The comments of open items; those {@code self} (Timmy's login) wrote with a marker are its notes. */
  List<Comment> commentFacts(String self) {
    Set<Integer> open = new HashSet<>(issues.keySet());
    open.addAll(pulls.keySet());
    List<Comment> out = new ArrayList<>();
    for (GiteaWire.Comment c : comments.values()) {
      if (open.contains(GiteaMapping.conversationNumber(c))) out.add(GiteaMapping.comment(repo, c, self));
    }
    out.sort(Comparator.comparing(Comment::createdAt).thenComparingLong(Comment::id));
    return out;
  }

  /** Pulls whose CI may still change without the pull changing: pending, or silent on a new head. */
  List<Pull> awaitingCi(Instant now, java.time.Duration grace) {
    return pulls.values().stream().filter(p -> {
      CiState ci = GiteaMapping.ciState(p.status());
      return ci == CiState.PENDING || (ci == CiState.NONE && p.headSeenAt().plus(grace).isAfter(now));
    }).toList();
  }
}
