package dev.timmy.journal;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.Proposal;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.Scored;
import dev.timmy.decide.VetoItem;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentKind;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** Facts, decisions and a settable clock for the journal, act and cycle tests. */
public final class Given {
  public static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  public static final Owner ALEX = new Owner("alex", List.of("on-hold"));

  private Given() {}

  public static Issue issue(String repo, int number, String... labels) {
    Instant created = NOW.minus(Duration.ofDays(3));
    return new Issue(repo, number, "Issue " + number, "", List.of(labels), "alex", List.of(), "open", created, created,
        created, "alex", 0, false, null, null);
  }

  public static Comment comment(String subject, String author, String body) {
    return new Comment(subject, subject.hashCode() + body.hashCode(), author, body, NOW.minus(Duration.ofHours(1)));
  }

  public static Agent agent(String name) {
    return new Agent(name, AgentKind.CLAUDE, name + "-code", name + "-ready", List.of(), List.of(), 2, List.of(), true);
  }

  public static Snapshot snapshot(List<Issue> issues, List<Comment> comments) {
    return Snapshot.ofBacklog(NOW, true, List.of(), ALEX, issues, List.of(), comments, List.of(agent("claude")));
  }

  public static Snapshot partial(List<Issue> issues) {
    return snapshot(issues, List.of()).withGap("alex/app: page 2 of issues failed (HTTP 502)");
  }

  public static ProposalItem proposal(ActionKind kind, String subject, Map<String, String> params) {
    String key = new Proposal(kind, subject, params, "test").key();
    return new ProposalItem(key, kind, subject, params, "T-001", "Test rule", "because the test says so",
        List.of("issue " + subject), List.of());
  }

  public static ProposalItem comment(String subject, String topic) {
    return proposal(ActionKind.COMMENT, subject, Map.of("topic", topic, "body", "Hello about " + topic));
  }

  public static ProposalItem vetoed(ProposalItem p, String ruleId, String reason) {
    return new ProposalItem(p.id(), p.kind(), p.subject(), p.params(), p.ruleId(), p.title(), p.reason(), p.facts(),
        List.of(new VetoItem(ruleId, "Veto " + ruleId, reason, List.of("issue " + p.subject()))));
  }

  /** A decision about {@code subject}: a priority from two rules, two routes, a check and the proposals. */
  public static Decision decision(String subject, List<ProposalItem> proposals) {
    PriorityItem priority = new PriorityItem(subject, 70, 1, List.of(
        new Scored("PRIO-001", "Security first", 50, "labelled security", List.of()),
        new Scored("PRIO-007", "Fresh bugs", 20, "a bug less than a week old", List.of())));
    RouteItem won = new RouteItem(subject, "claude", 30, true, true, "ROUTE-003", "best eligible score 30",
        List.of(new Scored("ROUTE-003", "Architecture to Claude", 30, "strong at security", List.of())));
    RouteItem lost = new RouteItem(subject, "kimi", 0, false, false, "ROUTE-009", "excluded: avoids security",
        List.of(new Scored("ROUTE-009", "Kimi avoids security", 0, "avoids security", List.of())));
    CheckItem check = new CheckItem(subject, "stale", false, "active 3 days ago", "CLASS-002", "Stale issues");
    EscalationItem esc = new EscalationItem(subject, "strategy is Alex's call", "ESC-001", "Strategy", List.of());
    return new Decision("rev-abc", new Decision.SnapshotInfo(true, NOW, List.of()), 12, List.of(priority),
        List.of(won, lost), proposals, List.of(esc), List.of(check));
  }

  /** A clock tests move by hand. */
  public static final class Clock implements InstantSource {
    private Instant now;

    public Clock(Instant start) {
      now = start;
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    public synchronized void advance(Duration d) {
      now = now.plus(d);
    }
  }
}
