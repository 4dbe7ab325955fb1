package dev.timmy.service;

import dev.timmy.act.ActionCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.api.Harness;
import dev.timmy.act.Executor;
import dev.timmy.config.Secrets;
import dev.timmy.config.ServiceConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.act.Mode;
import dev.timmy.observe.DemoHouse;
import dev.timmy.gitea.FakeGitea;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import dev.timmy.observe.house.CiStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live wiring against a fake Gitea: observe, act for real once, never twice; and recording it. */
class LiveServiceTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  @TempDir Path dir;

  private static void backlog(GiteaTestServer t) {
    t.gitea.now = T;
    FakeRepo repo = t.gitea.repo("alex/app");
    repo.addIssue(1, "Crash on start", "alex", T.minus(Duration.ofDays(2)), "bug", "p1");
    repo.addIssue(2, "Write the docs", "alex", T.minus(Duration.ofDays(3)), "docs");
  }

  /** Timmy's clock is the fake Gitea's: both sides agree on "now" whatever the machine's date. */
  private static InstantSource clock(GiteaTestServer t) {
    return () -> t.gitea.now;
  }

  /** A timmy.yml for the fake Gitea's alex/app with kimi on the roster, plus {@code more}. */
  private static String yaml(GiteaTestServer t, String more) {
    return yaml(t, "[alex/app]", more);
  }

  /** A timmy.yml for the fake Gitea's {@code repos} (a YAML list) with kimi on the roster, plus {@code more}. */
  static String yaml(GiteaTestServer t, String repos, String more) {
    return """
        owner:
          login: alex
        agents:
          - name: kimi
            kind: KIMI
            login: kimi-code
        gitea:
          baseUrl: %s
          repos: %s
        """.formatted(t.config(List.of("alex/app"), false).baseUrl(), repos) + more;
  }

  /** Timmy served live on the fake Gitea's alex/app, the demo roster, one cycle a hour (tests ask for more). */
  private Harness live(GiteaTestServer t) throws Exception {
    return live(t, dir);
  }

  /** Timmy served live on the fake Gitea's alex/app, its journal in {@code dir}. */
  static Harness live(GiteaTestServer t, Path dir) throws Exception {
    TimmyConfig d = Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules"));
    TimmyConfig config = new TimmyConfig(d.owner(), d.agents(), t.config(List.of("alex/app"), true), null,
        new ServiceConfig(8377, "127.0.0.1", 3600, true, "rules", "fixtures/demo"), d.budgets(), d.journal());
    return Harness.start(config, new Secrets(Harness.ADMIN_TOKEN, null, "gitea-tok"), ServeOptions.defaults().clock(clock(t)));
  }

  @Test
  void a_live_cycle_acts_on_gitea_once_and_the_next_cycle_does_not_repeat_it() throws Exception {
    try (GiteaTestServer t = new GiteaTestServer()) {
      backlog(t);
      try (Harness h = live(t)) {
        assertEquals(Mode.LIVE, h.service.mode());
        assertEquals("gitea", h.get("/api/health").json().get("source").asText());
        Snapshot seen = h.service.latest().decided().orElseThrow().snapshot();
        assertEquals(2, seen.issues().size());
        assertTrue(seen.complete(), seen.gaps().toString());

        long first = h.service.latest().decided().orElseThrow().cycle().id();
        List<ActionRow> acted = h.service.journal().reader().actions(first);
        List<ActionRow> done = acted.stream().filter(a -> a.status() == ActionStatus.DONE).toList();
        assertTrue(done.size() >= 2, acted.toString());
        long writes = t.gitea.writes();
        assertTrue(writes >= done.size(), "each DONE action wrote to Gitea: " + t.gitea.lines());
        assertTrue(t.gitea.repo("alex/app").comments.stream().anyMatch(c -> c.path("body").asText().contains("<!-- timmy:")),
            "Timmy's comments carry their marker");

        Harness.Reply again = h.admin("/api/cycles", "");
        assertEquals(200, again.code(), again.body());
        List<ActionRow> second = h.service.journal().reader().actions(again.json().get("id").asLong());
        for (ActionRow a : second) {
          if (done.stream().anyMatch(x -> x.key().equals(a.key()))) assertEquals(ActionStatus.SKIPPED_ALREADY_DONE, a.status(), a.toString());
        }
        assertEquals(writes, t.gitea.writes(), "nothing written twice: " + t.gitea.lines());
      }
    }
  }

  @Test
  void an_unassigned_dispatch_is_assigned_again_and_unassigned_twice_timmy_stops_and_tells_alex_once() throws Exception {
    try (GiteaTestServer t = new GiteaTestServer()) {
      backlog(t);
      try (Harness h = live(t)) {
        long first = h.service.latest().decided().orElseThrow().cycle().id();
        ActionRow assigned = h.service.journal().reader().actions(first).stream()
            .filter(a -> a.kind() == ActionKind.ASSIGN && a.status() == ActionStatus.DONE).findFirst().orElseThrow();
        int n = Integer.parseInt(assigned.subject().substring(assigned.subject().indexOf('#') + 1));
        FakeRepo repo = t.gitea.repo("alex/app");

        repo.issues.get(n).putArray("assignees"); // someone unassigns the agent
        assertEquals(ActionStatus.DONE, statusOf(h, assigned.key()), "done is read from Gitea: assigned again");
        assertEquals(1, repo.issues.get(n).get("assignees").size());

        repo.issues.get(n).putArray("assignees"); // and again: Timmy would be fighting a person
        int comments = repo.comments.size();
        long cycle = h.admin("/api/cycles", "").json().get("id").asLong();
        List<ActionRow> rows = h.service.journal().reader().actions(cycle);
        ActionRow refused = rows.stream().filter(a -> a.key().equals(assigned.key())).findFirst().orElseThrow();
        assertEquals(ActionStatus.REFUSED, refused.status());
        assertEquals(ActionCode.UNDONE_TWICE, refused.code());
        assertEquals(0, repo.issues.get(n).get("assignees").size(), "not assigned a third time");
        assertEquals(comments + 1, repo.comments.size(), "Alex is told");
        String told = repo.comments.get(repo.comments.size() - 1).get("body").asText();
        assertTrue(told.startsWith("@alex Timmy needs you here: Timmy did ASSIGN " + assigned.subject()), told);

        long writes = t.gitea.writes();
        h.admin("/api/cycles", "");
        assertEquals(writes, t.gitea.writes(), "told once, and no fight: " + t.gitea.lines());
      }
    }
  }

  /** Runs a cycle through the API and returns the status of the action with {@code key} in it. */
  private static ActionStatus statusOf(Harness h, String key) throws Exception {
    long cycle = h.admin("/api/cycles", "").json().get("id").asLong();
    return h.service.journal().reader().actions(cycle).stream().filter(a -> a.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError(key + " not acted on in cycle " + cycle)).status();
  }

  @Test
  void a_dry_run_with_a_house_section_observes_the_host_and_serves_ollama_down_as_a_fact() throws Exception {
    try (GiteaTestServer t = new GiteaTestServer()) {
      backlog(t);
      TimmyConfig config = TimmyConfig.parse(yaml(t, """
          house:
            ollamaUrl: http://127.0.0.1:9
          service:
            cycleSeconds: 3600
          journal:
            path: %s
          """.formatted(dir.resolve("timmy.db"))), "timmy.yml");
      try (Harness h = Harness.start(config, Harness.secrets(), ServeOptions.defaults().clock(clock(t)))) {
        assertEquals(Mode.DRY_RUN, h.service.mode());
        Snapshot s = h.service.latest().decided().orElseThrow().snapshot();
        assertTrue(s.host() != null && s.host().memTotal() > 0, "the host was probed");
        assertTrue(s.ollamaDown() != null, "Ollama at a closed port is down, not a crash");
        assertEquals(0, t.gitea.writes(), "dry-run writes nothing");
        var house = h.get("/api/house").json();
        assertTrue(house.get("host").get("fact").get("memTotal").asLong() > 0);
        assertTrue(house.get("ollamaDown").has("reason"));
      }
    }
  }

  @Test
  void ci_loops_read_the_branch_status_from_gitea() throws Exception {
    try (GiteaTestServer t = new GiteaTestServer()) {
      backlog(t);
      t.gitea.repo("alex/app").setStatus("main", "failure", "ci/build");
      GiteaCiSource ci = new GiteaCiSource(t.client(t.config(List.of("alex/app"), false)));
      CiStatus main = ci.of("alex/app", "main");
      assertEquals(CiState.FAILURE, main.state());
      assertEquals("failure on ci/build", main.detail());
      assertEquals(null, ci.of("alex/app", "no-status-yet"), "nothing to report without a status");
    }
  }

  @Test
  void snapshot_records_a_live_sync_that_replays_as_a_demo_house() throws Exception {
    try (GiteaTestServer t = new GiteaTestServer()) {
      backlog(t);
      Path config = dir.resolve("timmy.yml");
      Files.writeString(config, yaml(t, ""));
      Path out = dir.resolve("recorded");
      ByteArrayOutputStream said = new ByteArrayOutputStream();
      // The token's user is Timmy's own login, recorded so the replay knows Timmy's notes from copies.
      new SnapshotCommand(new PrintStream(said, true, StandardCharsets.UTF_8), Map.of("TIMMY_GITEA_TOKEN", "gitea-tok"),
          InstantSource.fixed(t.gitea.now)).record(config, out);
      assertTrue(said.toString(StandardCharsets.UTF_8).contains("Recorded 2 issues, 0 pull requests"), said.toString());
      assertEquals(FakeGitea.TIMMY, DemoHouse.settings(out).timmyLogin());
      Snapshot replayed = DemoHouse.load(out);
      assertEquals(List.of("alex/app#1", "alex/app#2"), replayed.issues().stream().map(i -> i.subject()).sorted().toList());
      assertEquals("kimi", replayed.agents().get(0).name());
      assertEquals("alex", replayed.owner().login());
    }
  }
}
