package dev.timmy.act.gitea;

import dev.timmy.act.ActionRefused;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Subjects;
import dev.timmy.observe.gitea.GiteaClient;
import dev.timmy.observe.gitea.GiteaException;
import dev.timmy.observe.gitea.GiteaMapping;
import dev.timmy.observe.gitea.GiteaWire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The two destructive Gitea writes, each preceded by a check of every condition on fresh data. */
final class MergeGuard {
  private final GiteaClient client;
  private final LiveGitea live;
  private final Owner owner;

  /** {@code owner}: whose hold labels are re-checked on the pull and its issue just before merging. */
  MergeGuard(GiteaClient client, LiveGitea live, Owner owner) {
    this.client = client;
    this.live = live;
    this.owner = owner;
  }

  /** Merges only an open, non-draft, mergeable pull whose head is still {@code sha} and green. */
  String merge(String repo, int n, String sha) throws IOException {
    String subject = Subjects.of(repo, n);
    GiteaWire.PullRequest pr = live.pull(repo, n);
    if (pr.merged()) return subject + " already merged";
    List<String> moved = new ArrayList<>();
    if (!"open".equals(pr.state())) moved.add("it is " + pr.state());
    if (pr.draft()) moved.add("it is a draft");
    if (!pr.mergeable()) moved.add("Gitea says it is not mergeable");
    String head = pr.head() == null ? "" : pr.head().sha();
    if (!sha.equals(head)) moved.add("its head moved from " + sha + " to " + head);
    held("it", pr.labels(), moved);
    int linked = GiteaMapping.linkedIssue(pr.body());
    if (moved.isEmpty() && linked > 0 && !owner.holdLabels().isEmpty()) held("its issue #" + linked, live.issue(repo, linked).labels(), moved);
    if (moved.isEmpty()) {
      GiteaWire.CombinedStatus status = live.status(repo, sha);
      CiState ci = GiteaMapping.ciState(status);
      if (ci != CiState.SUCCESS) {
        moved.add("CI on " + sha + " is " + ci + failing(GiteaMapping.ciFailing(status)));
      }
    }
    if (!moved.isEmpty()) throw new ActionRefused("not merging " + subject + ": " + String.join("; ", moved));
    String method = client.config().mergeMethod();
    try {
      client.send("POST", client.repoUrl(repo, "pulls", n, "merge"),
          new GiteaWire.MergePullRequestOption(method, sha, null), null);
    } catch (GiteaException e) {
      if (e.status() == 405 || e.status() == 409) {
        throw new ActionRefused("Gitea refused to merge " + subject + " (" + e.status() + "): " + e.giteaMessage());
      }
      throw e;
    }
    return "merged " + subject + " at " + sha + " (" + method + ")";
  }

  /** Notes in {@code moved} when {@code labels}, read just now, carry one of Alex's hold labels. */
  private void held(String what, List<GiteaWire.Label> labels, List<String> moved) {
    if (labels == null) return;
    owner.holdLabelAmong(labels.stream().map(GiteaWire.Label::name).toList())
        .ifPresent(l -> moved.add(what + " is now labelled " + l));
  }

  /**
   * Deletes a branch only when a merged pull has it as head at its current commit and no open
   * pull uses it; a protected branch is never deleted.
   */
  String deleteBranch(String repo, String name) throws IOException {
    Optional<GiteaWire.Branch> branch = live.branch(repo, name);
    if (branch.isEmpty()) return "branch " + name + " already gone from " + repo;
    if (branch.get().protectedBranch()) throw new ActionRefused("not deleting " + repo + ":" + name + ": it is protected");
    String tip = branch.get().commit() == null ? "" : branch.get().commit().id();
    for (GiteaWire.PullRequest open : live.openPulls(repo)) {
      if (uses(open, name)) {
        throw new ActionRefused("not deleting " + repo + ":" + name + ": open pull #" + open.number() + " uses it");
      }
    }
    boolean mergedAtTip = live.recentlyClosedPulls(repo).stream()
        .anyMatch(p -> p.merged() && mergedFrom(p, name) && tip.equals(p.head().sha()));
    if (!mergedAtTip) {
      throw new ActionRefused("not deleting " + repo + ":" + name + ": no merged pull has its current commit " + tip
          + " (unmerged work, or commits after the merge)");
    }
    client.send("DELETE", client.repoUrl(repo, "branches", name), null, null);
    return "deleted merged branch " + repo + ":" + name;
  }

  /** A pull from this repository's own branch (a fork's branch of the same name does not count). */
  private static boolean mergedFrom(GiteaWire.PullRequest p, String branch) {
    if (p.head() == null || !branch.equals(p.head().ref())) return false;
    return p.base() == null || p.head().repoId() == 0 || p.head().repoId() == p.base().repoId();
  }

  private static boolean uses(GiteaWire.PullRequest p, String branch) {
    return (p.head() != null && branch.equals(p.head().ref())) || (p.base() != null && branch.equals(p.base().ref()));
  }

  private static String failing(List<String> contexts) {
    return contexts.isEmpty() ? "" : " (failing: " + String.join(", ", contexts) + ")";
  }
}
