package dev.timmy.act;

import dev.timmy.facts.CiState;
import dev.timmy.facts.PullRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a merge needs, in Java and nowhere else: the pull is open and not merged, not a
 * draft, mergeable, its head is the commit the proposal names, CI on it is green, someone other
 * than its author approved it and nobody asks for changes. The guard asks it of the snapshot (in
 * dry-run as in live); the Gitea target asks it again of a fresh read right before merging.
 */
public final class MergeReadiness {
  private MergeReadiness() {}

  /** What stands in the way of merging {@code pr} at {@code sha}, in words; empty when nothing does. */
  public static List<String> problems(PullRequest pr, String sha) {
    List<String> out = new ArrayList<>();
    if (pr.merged()) out.add("it is already merged");
    else if (!pr.open()) out.add("it is " + pr.state());
    if (pr.draft()) out.add("it is a draft");
    if (!pr.mergeable()) out.add("Gitea says it is not mergeable");
    if (sha == null || !sha.equals(pr.headSha())) out.add("its head is " + pr.headSha() + ", not " + sha);
    if (pr.ciState() != CiState.SUCCESS) {
      out.add("CI on " + pr.headSha() + " is " + pr.ciState()
          + (pr.ciFailing().isEmpty() ? "" : " (failing: " + String.join(", ", pr.ciFailing()) + ")"));
    }
    if (pr.approvalsByOthers() == 0) out.add("nobody but its author (" + pr.author() + ") approved it");
    if (pr.changesRequested()) out.add("changes requested by " + String.join(", ", pr.changesRequestedBy()));
    return out;
  }
}
