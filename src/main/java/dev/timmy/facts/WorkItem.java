package dev.timmy.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * One piece of work in flight: the issue (or an agent's pull request that closes no open issue)
 * {@code subject}, the agent it is with and its Gitea login, the stage it is in and since when,
 * the agent's latest activity on it ({@code activeAt}: its comments on the issue or pull request,
 * pushes to its pull request; null when it never spoke), the pull request subject ("" when none)
 * and the evidence in words. Derived from the snapshot by {@code dev.timmy.derive.WorkItems}, so the rules see
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
   * True when the agent has been quiet on this work for {@code limitHours} or more at {@code c};
   * a limit of 0 means the stage waits on someone else, so it never counts against the agent.
   */
  public boolean stuck(Clock c, int limitHours) {
    return limitHours > 0 && quietSince() != null && c.hoursSince(quietSince()) >= limitHours;
  }

  /**
   * The {@code stuck} check in words, held or not, with the quiet hours seen and the limit:
   * "claude stuck at DISPATCHED for 6 days (no word from claude-code since …; stuck after 48 h): …",
   * "kimi at WORKING, quiet for 5 h (stuck after 3 days): …", or whom a waiting stage waits on.
   */
  public String stuckWords(Clock c, int limitHours) {
    if (limitHours <= 0) return stage + " waits on others, not on " + agent + ": " + detail;
    long quiet = c.hoursSince(quietSince());
    String limit = "stuck after " + Clock.span(limitHours);
    if (!stuck(c, limitHours)) return agent + " at " + stage + ", quiet for " + Clock.span(quiet) + " (" + limit + "): " + detail;
    String heard = activeAt == null ? "no word from " + login + " since " + quietSince()
        : "last heard from " + login + " " + Clock.span(c.hoursSince(activeAt)) + " ago";
    return agent + " stuck at " + stage + " for " + Clock.span(quiet) + " (" + heard + "; " + limit + "): " + detail;
  }

  /** Work in flight in words, sorted, each item with its stage and whether it is stuck: "2 in flight of 4 slot(s): …". */
  public static String inFlight(Collection<WorkItem> items, Collection<String> stuck, int slots) {
    List<String> words = new ArrayList<>();
    for (WorkItem w : items) words.add(w.subject() + " " + w.stage() + (stuck.contains(w.subject()) ? " (stuck)" : ""));
    Collections.sort(words);
    return items.size() + " in flight of " + slots + " slot(s): " + String.join(", ", words);
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
