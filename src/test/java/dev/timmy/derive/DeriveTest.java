package dev.timmy.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentKind;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.AgentRecord;
import dev.timmy.facts.AgentRecords;
import dev.timmy.facts.WorkRecords;
import dev.timmy.facts.Comment;
import dev.timmy.facts.History;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.PastPull;
import dev.timmy.facts.ProcessInfo;
import dev.timmy.facts.PullBuilder;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.WorkItem;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derive stage: what Java counts from an observed snapshot before the rules see it. */
class DeriveTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final Agent KIMI = new Agent("kimi", AgentKind.KIMI, "kimi-code", "kimi-ready", List.of(), List.of(), 2, List.of(), true);
  static final Agent CLAUDE = new Agent("claude", AgentKind.CLAUDE, "claude-code", "claude-ready", List.of(), List.of(), 3,
      List.of("claude"), true);

  static Instant ago(int hours) {
    return NOW.minus(Duration.ofHours(hours));
  }

  static Issue issue(int n, String state, String... assignees) {
    return new Issue("alex/x", n, "issue " + n, "", List.of(), "alex", List.of(assignees), state, ago(300), ago(5), ago(5),
        "alex", 0, false, "", null);
  }

  /** kimi holds #1 (assigned, in capitals as Gitea may spell it) and its pull #4 closing it; #2 is closed; claude holds #3. */
  static Snapshot observed() {
    List<Issue> issues = List.of(issue(1, "open", "KIMI-CODE"), issue(2, "closed", "kimi-code"), issue(3, "open", "claude-code"));
    PullRequest closing = PullBuilder.pull("alex/x", 4, ago(20)).updated(ago(2)).author("kimi-code").closes(1).build();
    Comment said = Comment.read("alex/x#3", 1, "claude-code", "on it", ago(1), "timmy");
    Comment note = Comment.read("alex/x#1", 2, "kimi-code", "nudge <!-- timmy:COMMENT:alex/x#1:topic=nudge -->", NOW, "kimi-code");
    History history = new History(14, List.of(new PastPull("alex/x", 9, "kimi-code", true, ago(48), 1, 2)), List.of());
    return Snapshot.ofBacklog(NOW, true, List.of(), new Owner("alex", List.of()), issues, List.of(closing),
            List.of(said, note), List.of(KIMI, CLAUDE))
        .withHistory(history)
        .withHouse(null, List.of(), List.of(new ProcessInfo(77, "claude", "alex", 1L << 20, 1.0, ago(3))), List.of(), null,
            List.of(), List.of(), List.of());
  }

  static AgentLoad load(Snapshot s, String agent) {
    return s.loads().stream().filter(l -> l.agent().equals(agent)).findFirst().orElseThrow();
  }

  @Test
  void an_observed_snapshot_carries_nothing_derived_and_the_stage_counts_loads_work_and_records() {
    Snapshot observed = observed();
    assertEquals(List.of(), observed.loads(), "observing counts nothing");
    assertEquals(List.of(), observed.work());
    assertEquals(List.of(), observed.records());
    Snapshot derived = Derive.from(observed);
    AgentLoad kimi = load(derived, "kimi");
    assertEquals(List.of("alex/x#1"), kimi.assigned(), "the closed issue is not a load, and the pull closing #1 is not a second one");
    assertEquals(1, kimi.openAssignments());
    assertEquals(ago(2), kimi.lastActivityAt(), "its pull's update; the comment carrying a Timmy note is not its activity");
    assertFalse(kimi.processSeen());
    AgentLoad claude = load(derived, "claude");
    assertEquals(List.of("alex/x#3"), claude.assigned());
    assertEquals(ago(1), claude.lastActivityAt());
    assertTrue(claude.processSeen(), "a process named claude runs on the host");
    assertEquals(List.of("alex/x#1", "alex/x#3"), derived.work().stream().map(WorkItem::subject).toList());
    assertEquals(new AgentRecord("kimi", 14, 1, 0, 1, 2, 0), derived.records().get(0));
  }

  @Test
  void deriving_keeps_every_observed_part_and_puts_the_derived_facts_before_the_rules() {
    Snapshot observed = observed();
    Snapshot derived = Derive.from(observed);
    assertEquals(observed, derived.toBuilder().loads(List.of()).work(List.of()).records(List.of()).workRecords(List.of()).build());
    List<Object> facts = derived.facts();
    assertTrue(facts.containsAll(derived.loads()));
    assertTrue(facts.containsAll(derived.work()));
    assertTrue(facts.containsAll(derived.records()));
    assertFalse(observed.facts().stream().anyMatch(f -> f instanceof AgentLoad || f instanceof WorkItem || f instanceof AgentRecord),
        "an observed snapshot puts nothing derived before the rules");
  }

  @Test
  void deriving_a_derived_snapshot_changes_nothing_so_journals_that_kept_derived_snapshots_replay_the_same() throws Exception {
    Snapshot once = Derive.from(observed());
    assertEquals(once, Derive.from(once));
    Snapshot demo = Derive.from(DemoHouse.load(Path.of("fixtures/demo")));
    assertEquals(demo, Derive.from(demo));
  }

  @Test
  void what_a_snapshot_carried_as_derived_is_replaced_not_kept() {
    Snapshot forged = observed().toBuilder()
        .loads(List.of(new AgentLoad("kimi", 9, List.of("alex/x#99"), NOW, true), new AgentLoad("ghost", 1, List.of(), null, false)))
        .records(List.of(new AgentRecord("kimi", 14, 99, 0, 0, 0, 0)))
        .build();
    assertEquals(Derive.from(observed()), Derive.from(forged));
  }

  @Test
  void the_records_follow_the_clock_the_snapshot_is_derived_at() {
    Snapshot later = Derive.from(observed().at(NOW.plus(Duration.ofDays(13))));
    assertEquals(new AgentRecord("kimi", 14, 0, 0, 0, 0, 0), later.records().get(0), "the merge two days before left the window");
    assertEquals(Derive.from(observed()).loads(), later.loads(), "loads do not depend on the clock");
  }

  @Test
  void the_demo_house_derives_what_the_agents_records_count() throws Exception {
    Snapshot observed = DemoHouse.load(Path.of("fixtures/demo"));
    Snapshot derived = Derive.from(observed);
    assertFalse(derived.loads().isEmpty());
    assertFalse(derived.work().isEmpty());
    assertEquals(AgentRecords.count(observed.takenAt(), observed.agents(), observed.history(), observed.pulls(),
        observed.comments()), derived.records());
    assertEquals(WorkRecords.count(observed.takenAt(), observed.agents(), observed.history()), derived.workRecords());
    assertTrue(derived.facts().containsAll(derived.workRecords()), "the records by kind of work go before the rules");
  }

  @Test
  void with_no_agents_nothing_is_derived() {
    Snapshot s = Snapshot.ofBacklog(NOW, true, List.of(), new Owner("alex", List.of()), List.of(issue(1, "open", "kimi-code")),
        List.of(), List.of(), List.of());
    Snapshot derived = Derive.from(s);
    assertEquals(List.of(), derived.loads());
    assertEquals(List.of(), derived.work());
    assertEquals(List.of(), derived.records());
    assertEquals(List.of(), derived.workRecords());
  }
}
