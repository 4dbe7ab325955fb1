package dev.timmy.act.gitea;

import dev.timmy.act.ActionRefused;
import dev.timmy.act.MergeReadiness;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Owner;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Subjects;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.gitea.GiteaException;
import dev.timmy.gitea.GiteaMapping;
import dev.timmy.gitea.GiteaWire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two destructive Gitea writes, each preceded by a check of every condition on fresh data.
 * The checks only read, so a dry-run asks them too ({@link GiteaTarget#refusal}).
 */
final class MergeGuard {
  private final GiteaClient client;
  private final LiveGitea live;
  private final Owner owner;

  /** {@code owner}: whose holds (labels, instructions) are re-checked on the pull and its issue just before merging. */
  MergeGuard(GiteaClient client, LiveGitea live, Owner owner) {
    this.client = client;
    this.live = live;
    this.owner = owner;
  }

  /**
   * Reads everything a merge needs again: open, not draft, mergeable, head still {@code sha}, every
   * status on it success (a skipped, pending or missing required check is not), approved by
   * someone other than the author (as many as the base branch requires), no change request, no
   * hold label or instruction of Alex's on the pull or its issue. False when it is already
   * merged; an {@link ActionRefused} naming every failed condition otherwise.
   */
  boolean mergeable(String repo, int n, String sha) throws IOException {
    GiteaWire.PullRequest w = live.pull(repo, n);
    if (w.merged()) return false;
    String head = w.head() == null || w.head().sha() == null ? "" : w.head().sha();
    GiteaWire.CombinedStatus status = head.isEmpty() ? null : live.status(repo, head);
    PullRequest pr = GiteaMapping.pull(repo, w, live.reviews(repo, n), status);
    List<String> problems = new ArrayList<>(MergeReadiness.problems(pr, sha));
    List<GiteaWire.CommitStatus> statuses = status == null || status.statuses() == null ? List.of() : status.statuses();
    for (GiteaWire.CommitStatus s : statuses) {
      if (!"success".equals(s.status())) problems.add("check " + s.context() + " is " + s.status() + ", not success");
    }
    Optional<GiteaWire.Branch> base = pr.baseRef().isEmpty() ? Optional.empty() : live.branch(repo, pr.baseRef());
    if (base.isPresent()) required(base.get(), pr, statuses, problems);
    held("it", w.labels(), problems);
    instructed(repo, n, problems);
    if (pr.linkedIssue() > 0) {
      held("its issue #" + pr.linkedIssue(), live.issue(repo, pr.linkedIssue()).labels(), problems);
      instructed(repo, pr.linkedIssue(), problems);
    }
    if (!problems.isEmpty()) throw new ActionRefused("not merging " + Subjects.of(repo, n) + ": " + String.join("; ", problems));
    return true;
  }

  /** Merges only what {@link #mergeable} finds ready on a fresh read. */
  String merge(String repo, int n, String sha) throws IOException {
    String subject = Subjects.of(repo, n);
    if (!mergeable(repo, n, sha)) return subject + " already merged";
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

  /** The base branch's protection: each required check present and success, enough approvals by others. */
  private static void required(GiteaWire.Branch base, PullRequest pr, List<GiteaWire.CommitStatus> statuses, List<String> problems) {
    if (base.statusCheck() && base.statusCheckContexts() != null) {
      for (String context : base.statusCheckContexts()) {
        Pattern glob = glob(context);
        boolean green = statuses.stream().anyMatch(s -> s.context() != null && glob.matcher(s.context()).matches()
            && "success".equals(s.status()));
        if (!green) problems.add("required check " + context + " has not passed on " + pr.headSha());
      }
    }
    if (pr.approvalsByOthers() < base.requiredApprovals()) {
      problems.add(base.name() + " requires " + base.requiredApprovals() + " approvals by others, it has " + pr.approvalsByOthers());
    }
  }

  /** Gitea's status check patterns: {@code *} matches any run of characters. */
  private static Pattern glob(String pattern) {
    StringBuilder b = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) b.append(b.isEmpty() ? "" : ".*").append(Pattern.quote(part));
    return Pattern.compile(b.toString());
  }

  /** Notes in {@code problems} when {@code labels}, read just now, carry one of Alex's hold labels. */
  private void held(String what, List<GiteaWire.Label> labels, List<String> problems) {
    if (labels == null) return;
    owner.holdLabelAmong(labels.stream().map(GiteaWire.Label::name).toList())
        .ifPresent(l -> problems.add(what + " is now labelled " + l));
  }

  /** Notes in {@code problems} a comment of Alex's on #{@code n}, read just now, that tells Timmy to keep off. */
  private void instructed(String repo, int n, List<String> problems) throws GiteaException {
    for (GiteaWire.Comment c : live.comments(repo, n)) {
      String author = c.user() == null || c.user().login() == null ? "" : c.user().login();
      if (owner.instructs(new Comment(Subjects.of(repo, n), c.id(), author, c.body(), c.createdAt()))) {
        problems.add(owner.login() + " said \"" + owner.phraseIn(c.body()).orElse("") + "\" on #" + n);
        return;
      }
    }
  }

  /**
   * Whether a branch may be deleted, read only: true when it exists, is not protected, no open
   * pull uses it and a merged pull has it as head at its current commit; false when it is gone.
   */
  boolean deletable(String repo, String name) throws IOException {
    Optional<GiteaWire.Branch> branch = live.branch(repo, name);
    if (branch.isEmpty()) return false;
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
    return true;
  }

  /** Deletes a branch only when {@link #deletable} says so on a fresh read. */
  String deleteBranch(String repo, String name) throws IOException {
    if (!deletable(repo, name)) return "branch " + name + " already gone from " + repo;
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
}
