package dev.timmy.act.gitea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.Json;
import dev.timmy.act.Authority;
import dev.timmy.act.Escalations;
import dev.timmy.act.Executor;
import dev.timmy.act.Mode;
import dev.timmy.act.Scope;
import dev.timmy.config.BudgetConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Snapshot;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.gitea.GiteaTestServer;
import dev.timmy.gitea.TestClock;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.observe.Backlog;
import dev.timmy.observe.gitea.GiteaSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gitea requests per write and per unchanged cycle, counted against the fake Gitea on a backlog
 * of 300 issues and 9 pulls in two repositories, through the real pipeline parts (the source
 * observes, the executor acts live through the guard). Each write with its live check costs at
 * most two requests per write request; a merge costs its re-check reads, counted here. An
 * unchanged cycle costs three requests per repository plus one per pull whose CI may move. The
 * figures are printed (README, Benchmark): {@code ./mvnw -q -B -ntp test -Dtest=GiteaRequestsTest}.
 */
class GiteaRequestsTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  static final List<String> REPOS = List.of("alex/app", "alex/web");

  @TempDir Path dir;
  GiteaTestServer t;
  FakeRepo app;
  FakeRepo web;
  TestClock clock;
  GiteaClient client;
  GiteaSource source;
  Journal journal;

  @BeforeEach
  void seed() throws Exception {
    t = new GiteaTestServer();
    t.gitea.now = T;
    app = t.gitea.repo("alex/app");
    web = t.gitea.repo("alex/web");
    for (FakeRepo r : List.of(app, web)) {
      for (int n = 1; n <= 150; n++) r.addIssue(n, "issue " + n, "mara", T.minus(Duration.ofDays(2 + n % 20)), "bug");
      r.label("p1");
      r.branches.put("main", "0000");
    }
    app.issues.get(5).withArray("assignees").add(Json.mapper().createObjectNode().put("login", "kimi-code"));
    app.addPull(151, "ready", "kimi-code", T.minus(Duration.ofHours(5)), "a151", "success");
    app.addReview(151, "claude-code", "APPROVED", T.minus(Duration.ofHours(4)));
    app.addPull(152, "running", "kimi-code", T.minus(Duration.ofHours(5)), "a152", "pending");
    app.addPull(153, "red", "kimi-code", T.minus(Duration.ofHours(5)), "a153", "failure");
    app.addPull(154, "green", "claude-code", T.minus(Duration.ofHours(5)), "a154", "success");
    app.addPull(155, "green", "claude-code", T.minus(Duration.ofHours(5)), "a155", "success");
    web.addPull(151, "red", "kimi-code", T.minus(Duration.ofHours(5)), "w151", "error");
    for (int n = 152; n <= 154; n++) web.addPull(n, "green", "kimi-code", T.minus(Duration.ofHours(5)), "w" + n, "success");
    app.addComment(3, "kimi-code", T.minus(Duration.ofDays(1)), "on it");
    clock = new TestClock(T);
    client = t.client(t.config(REPOS, false));
    source = new GiteaSource(client, REPOS, Duration.ofHours(1), clock);
    journal = Journal.open(dir.resolve("timmy.db"), new Given.Clock(T));
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** One observation a minute after the last, its requests counted from zero. */
  Backlog cycle() {
    t.minuteLater(clock);
    Backlog b = source.read();
    assertTrue(b.complete(), b.gaps().toString());
    return b;
  }

  /** Requests and write requests one live action cost, on a snapshot just observed. */
  record Cost(int requests, long writes, ActionRow row) {
    double perWrite() {
      return writes == 0 ? requests : (double) requests / writes;
    }
  }

  Cost act(ProposalItem p) {
    return act(p, Mode.LIVE);
  }

  Cost act(ProposalItem p, Mode mode) {
    Backlog b = cycle();
    Snapshot world = Snapshot.ofBacklog(clock.instant(), true, List.of(), Given.ALEX, b.issues(), b.pulls(), b.comments(),
        List.of(Given.agent("claude")));
    Authority authority = new Authority(new OwnerConfig("alex", List.of("on-hold"), null), BudgetConfig.defaults(),
        journal.reader(), new Given.Clock(clock.instant()), Scope.of(REPOS, null));
    Executor executor = new Executor(List.of(new GiteaTarget(client, Given.ALEX)), journal, mode);
    long id = journal.beginCycle("test", mode, "r");
    t.gitea.clear();
    ActionRow row = executor.execute(id, List.of(p), authority.open(world, mode)).actions().get(0);
    return new Cost(t.gitea.requests.size(), t.gitea.writes(), row);
  }

  static ProposalItem proposal(ActionKind kind, String subject, Map<String, String> params) {
    return GiteaTargetTest.proposal(kind, subject, params);
  }

  @Test
  void a_write_with_its_live_check_costs_at_most_two_requests_per_write_request() {
    Map<String, ProposalItem> writes = new LinkedHashMap<>();
    writes.put("ADD_LABEL", proposal(ActionKind.ADD_LABEL, "alex/app#1", Map.of("label", "p1")));
    writes.put("REMOVE_LABEL", proposal(ActionKind.REMOVE_LABEL, "alex/app#2", Map.of("label", "bug")));
    writes.put("COMMENT", proposal(ActionKind.COMMENT, "alex/app#3", Map.of("body", "Picked up by kimi-code.")));
    writes.put("ASSIGN", proposal(ActionKind.ASSIGN, "alex/app#4", Map.of("login", "kimi-code")));
    writes.put("UNASSIGN", proposal(ActionKind.UNASSIGN, "alex/app#5", Map.of("login", "kimi-code")));
    writes.put("CLOSE", proposal(ActionKind.CLOSE, "alex/app#6", Map.of("body", "Stale for 30 days.")));
    writes.put("ESCALATE", Escalations.proposal(new EscalationItem("alex/app#7", "labelled strategy", "AUTH-003",
        "Strategy is Alex's", List.of())));
    writes.put("CREATE_ISSUE", proposal(ActionKind.CREATE_ISSUE, "alex/app", Map.of("title", "CI red", "body", "main is red")));
    List<String> figures = new ArrayList<>();
    long requests = 0;
    long written = 0;
    for (Map.Entry<String, ProposalItem> w : writes.entrySet()) {
      Cost c = act(w.getValue());
      assertEquals(ActionStatus.DONE, c.row().status(), w.getKey() + ": " + c.row().outcome());
      assertTrue(c.writes() >= 1, w.getKey() + " wrote nothing: " + t.gitea.lines());
      assertTrue(c.perWrite() <= 2, w.getKey() + " cost " + c.requests() + " requests for " + c.writes() + " writes: "
          + t.gitea.lines());
      figures.add(w.getKey() + " " + c.requests() + "/" + c.writes());
      requests += c.requests();
      written += c.writes();
    }
    // Done is read from the world: the same write again costs its one read and writes nothing.
    Cost again = act(writes.get("COMMENT"));
    assertEquals(ActionStatus.SKIPPED_ALREADY_DONE, again.row().status(), again.row().outcome());
    assertEquals(List.of(1, 0L), List.of(again.requests(), again.writes()), t.gitea.lines().toString());
    System.out.printf("Gitea requests per write (live check included), requests/writes: %s; all %d/%d = %.2f%n",
        String.join(", ", figures), requests, written, (double) requests / written);
  }

  @Test
  void a_merge_and_its_branch_deletion_read_each_condition_once_for_the_guard_the_live_check_and_the_write() {
    ProposalItem merge = proposal(ActionKind.MERGE, "alex/app#151", Map.of("sha", "a151"));
    Cost dry = act(merge, Mode.DRY_RUN);
    assertEquals(ActionStatus.WOULD_DO, dry.row().status(), dry.row().outcome());
    assertEquals(List.of(7, 0L), List.of(dry.requests(), dry.writes()), "dry-run: the same reads, once, no write " + t.gitea.lines());
    Cost c = act(merge);
    assertEquals(ActionStatus.DONE, c.row().status(), c.row().outcome());
    // The pull, its head's status, its reviews, the base branch's protection, the comments of the
    // pull and of its linked issue #1 (Alex's instructions), that issue (its hold labels): seven
    // reads, each once, and the merge.
    assertEquals(List.of(
        "GET /api/v1/repos/alex/app/pulls/151",
        "GET /api/v1/repos/alex/app/commits/a151/status?limit=50",
        "GET /api/v1/repos/alex/app/pulls/151/reviews?page=1&limit=50",
        "GET /api/v1/repos/alex/app/branches/main",
        "GET /api/v1/repos/alex/app/issues/151/comments",
        "GET /api/v1/repos/alex/app/issues/1",
        "GET /api/v1/repos/alex/app/issues/1/comments",
        "POST /api/v1/repos/alex/app/pulls/151/merge"), t.gitea.lines());

    // Then its branch: the branch, the open pulls and the recently closed ones, each once, and the delete.
    Cost delete = act(proposal(ActionKind.DELETE_BRANCH, "alex/app", Map.of("branch", "feature/151")));
    assertEquals(ActionStatus.DONE, delete.row().status(), delete.row().outcome());
    assertEquals(List.of(
        "GET /api/v1/repos/alex/app/branches/feature/151",
        "GET /api/v1/repos/alex/app/pulls?state=open&page=1&limit=50",
        "GET /api/v1/repos/alex/app/pulls?state=closed&sort=recentupdate&page=1&limit=50",
        "DELETE /api/v1/repos/alex/app/branches/feature/151"), t.gitea.lines());
    System.out.printf("Gitea requests per merge (every re-check read included): %d for %d write; per branch deletion %d%n",
        c.requests(), c.writes(), delete.requests());
  }

  @Test
  void an_unchanged_cycle_costs_three_requests_per_repository_and_one_per_pull_whose_ci_may_move() {
    cycle();
    int full = t.gitea.requests.size();
    Backlog steady = cycle();
    assertEquals(300, steady.issues().size());
    assertEquals(9, steady.pulls().size());
    // app: #152 pending, #153 red; web: #151 red (error). Green heads are settled.
    assertEquals(3 * 2 + 3, t.gitea.requests.size(), t.gitea.lines().toString());

    app.setStatus("a153", "success", "ci/build"); // a re-run on the same head, no push, no update of the pull
    Backlog next = cycle();
    assertEquals("SUCCESS", next.pulls().stream().filter(p -> p.subject().equals("alex/app#153")).findFirst().orElseThrow()
        .ciState().name());
    cycle();
    int settled = t.gitea.requests.size();
    assertEquals(3 * 2 + 2, settled, "#153 is green now: settled " + t.gitea.lines());
    System.out.printf("Gitea requests per cycle, 300 issues and 9 pulls in 2 repositories: first (full) %d, unchanged %d"
        + " (3 per repository + 1 per pull whose CI may move: 3 then 2 of them)%n", full, 3 * 2 + 3);
  }
}
