package dev.timmy.bench;

import dev.timmy.derive.Derive;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a cycle sees change on a backlog: a share of the issues labelled or unlabelled, commented
 * on (sometimes by the owner asking for it), touched or closed, and a share of the pulls whose CI
 * state moved. Reproducible from the seed of {@code rnd}; the rest of the snapshot is kept.
 */
public final class BacklogChanges {
  private static final String[] LABELS = {"bug", "security", "p0", "p1", "docs", "small", "blocked", "on-hold", "ci"};

  /** What one step changed: the new snapshot and how many issues and pulls it touched. */
  public record Step(Snapshot snapshot, int changed) {}

  private BacklogChanges() {}

  public static Step apply(Snapshot s, double share, Random rnd) {
    List<Issue> issues = new ArrayList<>(s.issues());
    List<Comment> comments = new ArrayList<>(s.comments());
    List<PullRequest> pulls = new ArrayList<>(s.pulls());
    int changed = 0;
    int count = Math.max(1, (int) Math.round(share * issues.size()));
    for (int k = 0; k < count && !issues.isEmpty(); k++) {
      int at = rnd.nextInt(issues.size());
      Issue i = issues.get(at);
      List<String> labels = new ArrayList<>(i.labels());
      String state = i.state();
      switch (rnd.nextInt(4)) {
        case 0 -> {
          String l = LABELS[rnd.nextInt(LABELS.length)];
          if (!labels.remove(l)) labels.add(l);
        }
        case 1 -> comments.add(new Comment(i.subject(), 1_000_000L + comments.size() + rnd.nextInt(1000),
            rnd.nextInt(3) == 0 ? s.owner().login() : "someone", rnd.nextInt(4) == 0 ? "urgent, @timmy" : "a note",
            s.takenAt()));
        case 2 -> labels.add(0, labels.isEmpty() ? "p2" : labels.remove(labels.size() - 1));
        default -> state = rnd.nextInt(5) == 0 ? "closed" : state;
      }
      issues.set(at, new Issue(i.repo(), i.number(), i.title(), i.body(), labels.stream().distinct().toList(), i.author(),
          i.assignees(), state, i.createdAt(), s.takenAt(), s.takenAt(), "someone", i.commentCount() + 1, i.pull(),
          i.milestone(), i.milestoneDueOn()));
      changed++;
    }
    for (int k = 0; k < Math.round(share * pulls.size()) && !pulls.isEmpty(); k++) {
      int at = rnd.nextInt(pulls.size());
      PullRequest p = pulls.get(at);
      pulls.set(at, new PullRequest(p.repo(), p.number(), p.title(), p.author(), p.state(), p.merged(), p.headRef(),
          p.baseRef(), p.headSha(), p.draft(), p.mergeable(), CiState.values()[rnd.nextInt(CiState.values().length)],
          p.ciFailing(), p.approvedBy(), p.changesRequestedBy(), p.labels(), p.assignees(), p.linkedIssue(),
          p.createdAt(), p.updatedAt()));
      changed++;
    }
    Snapshot next = Derive.from(s.toBuilder().issues(issues).pulls(pulls).comments(comments).build());
    return new Step(next, changed);
  }
}
