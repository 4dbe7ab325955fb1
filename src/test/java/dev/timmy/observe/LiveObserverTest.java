package dev.timmy.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.OwnerConfig;
import dev.timmy.derive.Derive;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentKind;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.TriageBudget;
import dev.timmy.facts.TriageFacts;
import dev.timmy.gitea.FakeGitea;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import dev.timmy.gitea.TestClock;
import dev.timmy.observe.gitea.GiteaSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live observer against a fake Gitea in the swagger's shapes: what it reads, as observed, nothing derived. */
class LiveObserverTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  static final Agent KIMI = new Agent("kimi", AgentKind.KIMI, "kimi-code", "kimi-ready", List.of(), List.of(), 2, List.of(), true);
  static final OwnerConfig ALEX = new OwnerConfig("alex", List.of("on-hold"), null);
  GiteaTestServer t;
  TestClock clock;

  @BeforeEach
  void seed() throws Exception {
    t = new GiteaTestServer();
    t.gitea.now = T;
    FakeRepo repo = t.gitea.repo("alex/app");
    repo.addIssue(1, "Crash on start", "alex", T.minus(Duration.ofDays(2)), "bug");
    repo.addPull(2, "Fix the crash", "kimi-code", T.minus(Duration.ofHours(3)), "abc2", "success");
    clock = new TestClock(T);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  LiveObserver observer(List<String> repos, java.util.function.Function<List<Issue>, TriageFacts> triage) {
    GiteaSource gitea = new GiteaSource(t.client(t.config(repos, false)), repos, Duration.ofHours(1), clock);
    return new LiveObserver(gitea, ALEX, List.of(KIMI), null, null, clock, triage);
  }

  @Test
  void it_reads_the_backlog_roster_and_owner_at_the_clock_and_leaves_the_counting_to_the_derive_stage() {
    Snapshot s = observer(List.of("alex/app"), null).observe();
    assertEquals(T, s.takenAt());
    assertTrue(s.complete(), s.gaps().toString());
    assertEquals(List.of("alex/app#1"), s.issues().stream().map(Issue::subject).toList());
    assertEquals(List.of("alex/app#2"), s.pulls().stream().map(p -> p.subject()).toList());
    assertEquals(List.of(KIMI), s.agents());
    assertEquals(ALEX.toOwner(), s.owner());
    assertEquals(List.of(), s.loads(), "observed, not derived");
    assertEquals(List.of(), s.work());
    assertEquals(TriageFacts.off(), s.triage(), "without a triage runner the models said nothing");
    assertEquals(List.of("alex/app#2"), Derive.from(s).loads().get(0).assigned(), "the stage counts kimi's open pull");
    assertEquals(0, t.gitea.writes(), "observing writes nothing");
  }

  @Test
  void what_the_models_said_is_asked_for_the_issues_just_read() {
    List<List<Issue>> asked = new ArrayList<>();
    TriageFacts known = new TriageFacts(List.of(), List.of(), new TriageBudget(2, 30, 0));
    Snapshot s = observer(List.of("alex/app"), issues -> {
      asked.add(issues);
      return known;
    }).observe();
    assertEquals(List.of(s.issues()), asked);
    assertEquals(known, s.triage());
  }

  @Test
  void a_repository_gitea_cannot_read_makes_the_snapshot_partial_and_its_subjects_unseen() {
    t.gitea.fail(FakeGitea.path("/repos/alex/gone/"), 99, FakeGitea.error(500, "database is locked"));
    Snapshot s = observer(List.of("alex/app", "alex/gone"), null).observe();
    assertFalse(s.complete());
    assertFalse(s.gaps().isEmpty());
    assertTrue(s.holdsSeen("alex/app#1"));
    assertFalse(s.holdsSeen("alex/gone#1"), "nothing is written about a subject whose holds could not be read");
  }
}
