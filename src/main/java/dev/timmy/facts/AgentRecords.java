package dev.timmy.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts each agent's {@link AgentRecord} over the history's window: merged and closed-unmerged
 * pull requests and closed issues from the {@link History}; CI failures and review round-trips
 * from the history plus the agent's open pull requests updated within the window (there, the
 * distinct heads Timmy reported red, or the head that is red now, and the reviewers whose latest
 * verdict asks for changes).
 */
public final class AgentRecords {
  private AgentRecords() {}

  /** One record per agent; none at all when {@code history} covers no window. */
  public static List<AgentRecord> count(
      Instant now, List<Agent> agents, History history, List<PullRequest> pulls, List<Comment> comments) {
    if (history.windowDays() <= 0 || agents.isEmpty()) return List.of();
    Instant from = now.minus(Duration.ofDays(history.windowDays()));
    Map<String, List<Comment>> bySubject = new HashMap<>();
    for (Comment c : comments) bySubject.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(c);
    List<AgentRecord> out = new ArrayList<>();
    for (Agent a : agents) {
      String login = a.login();
      int merged = 0;
      int unmerged = 0;
      int ci = 0;
      int rounds = 0;
      for (PastPull p : history.pulls()) {
        if (!p.author().equalsIgnoreCase(login) || !within(p.closedAt(), from, now)) continue;
        if (p.merged()) merged++;
        else unmerged++;
        ci += p.ciFailures();
        rounds += p.reviewRounds();
      }
      for (PullRequest p : pulls) {
        if (!p.open() || !p.author().equalsIgnoreCase(login) || !within(p.updatedAt(), from, now)) continue;
        boolean red = p.ciState() == CiState.FAILURE || p.ciState() == CiState.ERROR;
        ci += failedHeads(p.subject(), bySubject.getOrDefault(p.subject(), List.of()), p.headSha(), red).size();
        rounds += p.changesRequestedBy().size();
      }
      int closed = (int) history.issues().stream()
          .filter(i -> within(i.closedAt(), from, now) && i.assignees().stream().anyMatch(login::equalsIgnoreCase))
          .count();
      out.add(new AgentRecord(a.name(), history.windowDays(), merged, unmerged, ci, rounds, closed));
    }
    return out;
  }

  /**
   * The heads of pull request {@code subject} that went red: those Timmy's own ci-failed notes name
   * (LIFE-004 writes one per red head) and {@code headSha} when it is red now.
   */
  public static Set<String> failedHeads(String subject, List<Comment> comments, String headSha, boolean headRed) {
    Set<String> heads = new LinkedHashSet<>();
    for (Comment c : comments) {
      TimmyNote n = c.note();
      if (n != null && n.subject().equals(subject) && n.topic().equals("ci-failed") && !n.param("sha").isBlank()) {
        heads.add(n.param("sha"));
      }
    }
    if (headRed && headSha != null && !headSha.isBlank()) heads.add(headSha);
    return heads;
  }

  /** True when {@code t} is known and lies between {@code from} and {@code now}, both included. */
  static boolean within(Instant t, Instant from, Instant now) {
    return t != null && !t.isBefore(from) && !t.isAfter(now);
  }
}
