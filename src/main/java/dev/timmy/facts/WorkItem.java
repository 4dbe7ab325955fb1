package dev.timmy.facts;

import java.time.Instant;

/**
 * One piece of work in flight: the issue (or an agent's pull request that closes no open issue)
 * {@code subject}, the agent it is with and its Gitea login, the stage it is in and since when,
 * the agent's latest activity on it ({@code activeAt}: its comments on the issue or pull request,
 * pushes to its pull request; null when it never spoke), the pull request subject ("" when none)
 * and the evidence in words. Derived from the snapshot by {@link WorkItems}, so the rules see
 * where each piece of work stands without counting comments themselves.
 */
public record WorkItem(
    String subject, String agent, String login, WorkStage stage, Instant since, Instant activeAt, String pull,
    String detail) {

  public WorkItem {
    pull = pull == null ? "" : pull;
    detail = detail == null ? "" : detail;
  }

  /**
   * Since when nothing was heard from the agent on this work: its last activity, or the stage's
   * start if later. Null when neither is known (then the work never counts as quiet).
   */
  public Instant quietSince() {
    if (since == null) return activeAt;
    return activeAt == null || activeAt.isBefore(since) ? since : activeAt;
  }
}
