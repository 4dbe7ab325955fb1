package dev.timmy.derive;

import dev.timmy.facts.Agent;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.TimmyNote;
import dev.timmy.facts.WorkItem;
import dev.timmy.facts.WorkStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the work in flight from a snapshot's backlog: every open issue assigned to an agent,
 * labelled with its ready label, or closed by its open pull request, and every open pull request
 * of an agent that closes no open issue. The stage and its start come from what Gitea shows:
 * assignees, Timmy's notes ({@link TimmyNote}: routing, nudge, reassign, ci-failed), the agent's
 * own comments (Timmy's notes are never the agent's, even when an agent shares Timmy's login; a
 * copied marker is the copier's comment), and the linked pull request's CI and reviews.
 */
public final class WorkItems {
  private final Map<String, Agent> byLogin = new LinkedHashMap<>();
  private final Map<String, List<Comment>> said = new HashMap<>();
  private final Map<String, List<PullRequest>> closing = new HashMap<>();

  private WorkItems(List<Agent> agents, List<PullRequest> pulls, List<Comment> comments) {
    for (Agent a : agents) byLogin.putIfAbsent(a.login().toLowerCase(), a);
    for (Comment c : comments) said.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(c);
    for (PullRequest p : pulls) {
      if (p.open() && p.linkedIssue() > 0) closing.computeIfAbsent(p.linkedSubject(), k -> new ArrayList<>()).add(p);
    }
  }

  /** The work in flight, issues first in backlog order, then agents' pull requests without an open issue. */
  public static List<WorkItem> derive(List<Agent> agents, List<Issue> issues, List<PullRequest> pulls, List<Comment> comments) {
    if (agents.isEmpty()) return List.of();
    WorkItems w = new WorkItems(agents, pulls, comments);
    List<WorkItem> out = new ArrayList<>();
    Set<String> openIssues = new HashSet<>();
    for (Issue i : issues) {
      if (!i.open() || i.pull()) continue;
      openIssues.add(i.subject());
      WorkItem item = w.ofIssue(i);
      if (item != null) out.add(item);
    }
    for (PullRequest p : pulls) {
      Agent a = p.open() ? w.byLogin.get(p.author().toLowerCase()) : null;
      if (a != null && !openIssues.contains(p.linkedSubject())) out.add(w.ofPull(p.subject(), a, p));
    }
    return out;
  }

  private WorkItem ofIssue(Issue i) {
    Agent assigned = i.assignees().stream().map(l -> byLogin.get(l.toLowerCase())).filter(a -> a != null)
        .findFirst().orElse(null);
    Agent labelled = byLogin.values().stream().filter(a -> a.readyLabel() != null && i.hasLabel(a.readyLabel()))
        .findFirst().orElse(null);
    Agent agent = assigned != null ? assigned : labelled;
    PullRequest pull = pullOf(i.subject(), agent);
    if (agent == null && pull != null) agent = byLogin.get(pull.author().toLowerCase());
    if (agent == null) return null;
    if (pull != null) return ofPull(i.subject(), agent, pull);

    String s = i.subject();
    String name = agent.name();
    Comment routed = latest(noted(s, "routing", Map.of("agent", name)));
    Comment takenBack = latest(noted(s, "reassign", Map.of("agent", name)));
    // Once Timmy took the work back from this agent, what came before says nothing about the
    // assignment it holds now (Timmy's routing comment for it is not written twice).
    Instant floor = takenBack == null ? null : takenBack.createdAt();
    if (routed != null && floor != null && !routed.createdAt().isAfter(floor)) routed = null;
    Instant from = routed != null ? routed.createdAt() : floor;
    List<Comment> spoke = agentSaid(s, agent, from);
    if (assigned == null) {
      return new WorkItem(s, agent.name(), agent.login(), WorkStage.READY, from != null ? from : updated(i),
          last(spoke), "", "labelled " + agent.readyLabel() + ", not assigned yet");
    }
    if (!spoke.isEmpty()) {
      Instant lastWord = last(spoke);
      return new WorkItem(s, agent.name(), agent.login(), WorkStage.WORKING, spoke.get(0).createdAt(),
          lastWord, "", agent.login() + " has commented " + spoke.size() + " time(s), last on " + lastWord);
    }
    if (routed != null) {
      return new WorkItem(s, agent.name(), agent.login(), WorkStage.DISPATCHED, routed.createdAt(), null, "",
          "assigned to " + agent.login() + " as of Timmy's routing comment of " + routed.createdAt());
    }
    // Gitea does not say when an assignee was added; the issue's last update is the closest sign,
    // a reminder shows it was assigned before that, and a take-back that it was assigned after.
    Instant since = updated(i);
    Comment nudged = first(noted(s, "nudge", Map.of("agent", name, "stage", WorkStage.DISPATCHED.name())).stream()
        .filter(c -> floor == null || c.createdAt().isAfter(floor)).toList());
    if (nudged != null && (since == null || nudged.createdAt().isBefore(since))) since = nudged.createdAt();
    if (floor != null && (since == null || since.isBefore(floor))) since = floor;
    return new WorkItem(s, agent.name(), agent.login(), WorkStage.DISPATCHED, since, null, "",
        "assigned to " + agent.login() + " as of the issue's update of " + since);
  }

  private WorkItem ofPull(String subject, Agent agent, PullRequest p) {
    WorkStage stage;
    Instant since;
    String what;
    if (p.ciState() == CiState.FAILURE || p.ciState() == CiState.ERROR) {
      stage = WorkStage.CI_FAILED;
      Comment told = first(noted(p.subject(), "ci-failed", Map.of("sha", p.headSha())));
      since = told != null ? told.createdAt() : updated(p);
      what = "CI " + p.ciState().name().toLowerCase() + (p.ciFailing().isEmpty() ? "" : " on " + String.join(", ", p.ciFailing()))
          + " at " + p.headSha();
    } else if (p.changesRequested()) {
      stage = WorkStage.CHANGES_REQUESTED;
      since = updated(p);
      what = "changes requested by " + String.join(", ", p.changesRequestedBy());
    } else if (p.approvalsByOthers() > 0) {
      stage = WorkStage.APPROVED;
      since = updated(p);
      what = "approved by " + String.join(", ", p.approvedBy()) + ", waiting for the merge";
    } else {
      stage = WorkStage.PR_OPEN;
      since = p.createdAt() != null ? p.createdAt() : updated(p);
      what = "open since " + since + ", waiting for review";
    }
    Instant active = last(agentSaid(subject, agent, null));
    Instant onPull = last(agentSaid(p.subject(), agent, null));
    active = later(active, onPull);
    if (p.author().equalsIgnoreCase(agent.login())) active = later(active, p.updatedAt());
    return new WorkItem(subject, agent.name(), agent.login(), stage, since, active, p.subject(),
        "pull request " + p.subject() + " by " + p.author() + ": " + what);
  }

  /** The open pull request closing {@code subject}: the agent's own if it has one, else the latest. */
  private PullRequest pullOf(String subject, Agent agent) {
    List<PullRequest> ps = closing.getOrDefault(subject, List.of());
    return ps.stream()
        .sorted(Comparator.comparing((PullRequest p) -> agent == null || !p.author().equalsIgnoreCase(agent.login()))
            .thenComparing(WorkItems::updated, Comparator.nullsLast(Comparator.reverseOrder())))
        .findFirst().orElse(null);
  }

  /** The agent's own comments on {@code subject} (not Timmy's), from {@code from} on, oldest first. */
  private List<Comment> agentSaid(String subject, Agent agent, Instant from) {
    return said.getOrDefault(subject, List.of()).stream()
        .filter(c -> c.author().equalsIgnoreCase(agent.login()) && c.note() == null)
        .filter(c -> from == null || !c.createdAt().isBefore(from))
        .sorted(Comparator.comparing(Comment::createdAt)).toList();
  }

  /** Timmy's notes on {@code subject} of {@code topic} with these parameters (others may be there too), oldest first. */
  private List<Comment> noted(String subject, String topic, Map<String, String> params) {
    return said.getOrDefault(subject, List.of()).stream()
        .filter(c -> c.note() != null && c.note().topic().equals(topic))
        .filter(c -> params.entrySet().stream().allMatch(e -> c.note().param(e.getKey()).equals(e.getValue())))
        .sorted(Comparator.comparing(Comment::createdAt)).toList();
  }

  private static Comment first(List<Comment> cs) {
    return cs.isEmpty() ? null : cs.get(0);
  }

  private static Comment latest(List<Comment> cs) {
    return cs.isEmpty() ? null : cs.get(cs.size() - 1);
  }

  private static Instant last(List<Comment> cs) {
    return cs.isEmpty() ? null : cs.get(cs.size() - 1).createdAt();
  }

  private static Instant updated(Issue i) {
    return i.updatedAt() != null ? i.updatedAt() : i.createdAt();
  }

  private static Instant updated(PullRequest p) {
    return p.updatedAt() != null ? p.updatedAt() : p.createdAt();
  }

  /** The later of two instants, either of which may be unknown (null). */
  static Instant later(Instant a, Instant b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isAfter(b) ? a : b;
  }
}
