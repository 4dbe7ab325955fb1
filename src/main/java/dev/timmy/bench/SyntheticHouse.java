package dev.timmy.bench;

import dev.timmy.derive.Derive;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentKind;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible synthetic backlog for the benchmark: issues with the demo vocabulary of labels,
 * ages up to a year, a tenth assigned (two issues to each agent, as its slots allow, the rest to
 * people), one PR per twenty issues, one comment per five, and a roster of agents of every kind.
 */
public final class SyntheticHouse {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final String[] LABELS = {"bug", "security", "p0", "p1", "p2", "feature", "enhancement", "docs",
      "small", "routine", "architecture", "refactor", "review", "tests", "ci", "build", "research", "analysis",
      "blocked", "on-hold", "strategy"};
  private static final String[] REPOS = {"alex/hermes-dashboard", "alex/local-agent", "alex/game-bot", "alex/infra", "alex/site"};

  private SyntheticHouse() {}

  public static Snapshot generate(int issueCount, int agentCount, long seed) {
    Random rnd = new Random(seed);
    List<Agent> agents = agents(agentCount);
    List<Issue> issues = new ArrayList<>(issueCount);
    List<PullRequest> pulls = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    for (int n = 1; n <= issueCount; n++) {
      String repo = REPOS[n % REPOS.length];
      List<String> labels = new ArrayList<>();
      int count = rnd.nextInt(4);
      for (int k = 0; k < count; k++) {
        String l = LABELS[rnd.nextInt(LABELS.length)];
        if (!labels.contains(l)) labels.add(l);
      }
      Instant created = NOW.minus(Duration.ofHours(rnd.nextInt(24 * 365)));
      Instant active = created.plus(Duration.ofHours(rnd.nextInt((int) Math.max(1, Duration.between(created, NOW).toHours()))));
      List<String> assignees;
      if (n <= 2 * agents.size()) {
        assignees = List.of(agents.get((n - 1) / 2).login());
      } else {
        assignees = rnd.nextInt(10) == 0 ? List.of("person-" + rnd.nextInt(5)) : List.of();
      }
      String milestone = rnd.nextInt(8) == 0 ? "v" + (1 + rnd.nextInt(3)) : null;
      Instant due = milestone == null ? null : NOW.plus(Duration.ofDays(rnd.nextInt(30)));
      String body = rnd.nextInt(30) == 0 ? "blocked by #" + (1 + rnd.nextInt(issueCount)) : "synthetic";
      issues.add(new Issue(repo, n, "Synthetic issue " + n, body, labels, "alex", assignees, "open", created,
          active, active, "alex", rnd.nextInt(6), false, milestone, due));
      if (n % 5 == 0) {
        comments.add(new Comment(repo + "#" + n, n, rnd.nextInt(4) == 0 ? "alex" : agents.get(rnd.nextInt(agents.size())).login(),
            rnd.nextInt(50) == 0 ? "urgent, @timmy please" : "working on it", active));
      }
      if (n % 20 == 0) {
        Agent author = agents.get(rnd.nextInt(agents.size()));
        pulls.add(new PullRequest(repo, issueCount + n, "Fix #" + n, author.login(), "open", false, "fix-" + n, "main",
            Long.toHexString(rnd.nextLong()), rnd.nextInt(10) == 0, rnd.nextInt(8) != 0,
            CiState.values()[rnd.nextInt(4)], List.of(), rnd.nextBoolean() ? List.of("alex") : List.of(), List.of(),
            List.of(), List.of(), n, created, active));
      }
    }
    return Derive.from(Snapshot.ofBacklog(NOW, true, List.of(), new Owner("alex", List.of("on-hold")), issues, pulls, comments,
        agents));
  }

  static List<Agent> agents(int count) {
    List<Agent> agents = new ArrayList<>();
    AgentKind[] kinds = AgentKind.values();
    for (int i = 0; i < count; i++) {
      AgentKind kind = kinds[i % kinds.length];
      List<String> strengths = switch (kind) {
        case CLAUDE -> List.of("architecture", "review", "refactor", "tests", "ci", "security");
        case KIMI -> List.of("feature", "enhancement", "bug", "routine", "docs");
        case TIMMY -> List.of("small", "docs", "routine");
        case API -> List.of("research", "analysis");
      };
      List<String> avoid = switch (kind) {
        case KIMI -> List.of("ci", "build", "architecture", "security");
        case TIMMY -> List.of("architecture", "security", "ci", "build");
        case API -> List.of("ci", "build");
        case CLAUDE -> List.of();
      };
      String name = kind.name().toLowerCase() + "-" + i;
      agents.add(new Agent(name, kind, name, kind.name().toLowerCase() + "-ready", strengths, avoid, 3, List.of(), true));
    }
    return agents;
  }
}
