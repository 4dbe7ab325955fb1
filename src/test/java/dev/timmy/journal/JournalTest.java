package dev.timmy.journal;

import dev.timmy.act.ActionCode;
import dev.timmy.act.Mode;
import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final String A = "alex/app#1";
  private static final String B = "alex/app#2";

  @TempDir Path dir;
  private Given.Clock clock;
  private Journal journal;

  @BeforeEach
  void open() {
    clock = new Given.Clock(NOW);
    journal = Journal.open(dir.resolve("sub/timmy.db"), clock);
  }

  private long query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal.file().toAbsolutePath());
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** A finished cycle about {@code subject} with one comment proposal that was WOULD_DO. */
  private long cycleAbout(String subject, CycleStatus status) {
    long id = journal.beginCycle("schedule", Mode.DRY_RUN, "rev-abc");
    journal.observed(id, Given.snapshot(List.of(Given.issue("alex/app", 1)), List.of()));
    ProposalItem p = Given.comment(subject, "hello");
    journal.decided(id, Given.decision(subject, List.of(p)));
    List<ActionRow> rows = List.of(journal.record(id, p, Mode.DRY_RUN, ActionStatus.WOULD_DO, null, "would comment"));
    journal.finishCycle(id, status, status == CycleStatus.FAILED ? "boom" : null,
        CycleCounts.of(Given.decision(subject, List.of(p)), rows, 0));
    return id;
  }

  @Test
  void an_empty_file_is_migrated_to_the_latest_schema_in_wal_mode() throws Exception {
    assertEquals(Migrations.STEPS.get(Migrations.STEPS.size() - 1).version(), journal.schemaVersion());
    assertEquals(Migrations.STEPS.size(), query("SELECT count(*) FROM schema_version"));
    for (String table : List.of("cycles", "items", "item_rules", "proposals", "actions")) {
      assertEquals(1, query("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'"), table);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal.file().toAbsolutePath());
        ResultSet r = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      r.next();
      assertEquals("wal", r.getString(1));
    }
  }

  @Test
  void reopening_applies_no_step_twice_and_keeps_the_data() throws Exception {
    long id = cycleAbout(A, CycleStatus.OK);
    Journal again = Journal.open(journal.file(), clock);
    assertEquals(Migrations.STEPS.size(), query("SELECT count(*) FROM schema_version"));
    assertEquals(id, again.reader().lastCycle().orElseThrow().id());
  }

  @Test
  void an_older_file_gets_only_the_steps_it_lacks() throws Exception {
    Path file = dir.resolve("old.db");
    Journal v1 = Journal.open(file, clock, Migrations.STEPS.subList(0, 1));
    long id = v1.beginCycle("cli", Mode.DRY_RUN, "r1");
    List<Migrations.Step> later = new java.util.ArrayList<>(Migrations.STEPS);
    later.add(new Migrations.Step(later.size() + 1, "a note per cycle", List.of("ALTER TABLE cycles ADD COLUMN note TEXT")));
    Journal v2 = Journal.open(file, clock, later);
    assertEquals(later.size(), v2.schemaVersion());
    assertEquals(id, v2.reader().lastCycle().orElseThrow().id());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      c.createStatement().executeUpdate("UPDATE cycles SET note = 'migrated'");
    }
    JournalException newer = assertThrows(JournalException.class, () -> Journal.open(file, clock, Migrations.STEPS));
    assertTrue(newer.getMessage().contains("has schema version " + later.size() + ", expected at most "
        + Migrations.STEPS.size()), newer.getMessage());
  }

  @Test
  void a_cycle_round_trips_with_its_items_proposals_and_actions() {
    long id = cycleAbout(A, CycleStatus.OK);
    CycleDetail d = journal.reader().cycle(id).orElseThrow();
    assertEquals(CycleStatus.OK, d.cycle().status());
    assertEquals("rev-abc", d.cycle().rulesRevision());
    assertEquals(64, d.cycle().snapshotDigest().length());
    assertEquals(NOW, d.cycle().snapshotTakenAt());
    assertTrue(d.cycle().complete());
    assertEquals(NOW, d.cycle().started());
    assertEquals(1, d.cycle().counts().wouldDo());
    assertEquals(2, d.cycle().counts().routes());
    assertEquals(List.of(ItemKind.PRIORITY, ItemKind.ROUTE, ItemKind.ROUTE, ItemKind.CHECK, ItemKind.ESCALATION,
        ItemKind.PROPOSAL), d.items().stream().map(DecisionRecord::kind).toList());
    PriorityItem p = d.items().get(0).as(PriorityItem.class);
    assertEquals(Given.decision(A, List.of()).priorities().get(0), p);
    assertEquals("PRIO-001", d.items().get(0).ruleId());
    assertEquals(Given.comment(A, "hello"), d.items().get(5).as(ProposalItem.class));
    assertEquals(List.of(ActionStatus.WOULD_DO), d.actions().stream().map(ActionRow::status).toList());
    assertEquals("would comment", d.actions().get(0).outcome());
  }

  @Test
  void decisions_are_found_by_subject_by_any_contributing_rule_by_kind_and_since() {
    long first = cycleAbout(A, CycleStatus.OK);
    clock.advance(Duration.ofHours(2));
    long second = cycleAbout(B, CycleStatus.OK);
    JournalReader r = journal.reader();
    assertEquals(6, r.decisions(DecisionFilter.all().subject(A)).size());
    assertEquals(Set.of(first), Set.copyOf(r.decisions(DecisionFilter.all().subject(A)).stream().map(DecisionRecord::cycleId).toList()));
    // PRIO-007 is the second part of each priority: found through item_rules, not the rule_id column.
    List<DecisionRecord> byRule = r.decisions(DecisionFilter.all().rule("PRIO-007"));
    assertEquals(List.of(B, A), byRule.stream().map(DecisionRecord::subject).toList());
    assertEquals(List.of(second), r.decisions(DecisionFilter.all().since(NOW.plus(Duration.ofHours(1))).kind(ItemKind.PROPOSAL))
        .stream().map(DecisionRecord::cycleId).toList());
    assertEquals(2, r.decisions(DecisionFilter.all().rule("ROUTE-009").limit(5)).size());
    assertEquals(List.of(), r.decisions(DecisionFilter.all().rule("NO-SUCH-RULE")));
  }

  @Test
  void the_history_of_a_subject_lists_only_cycles_that_mention_it_newest_first() {
    ProposalItem vetoed = Given.vetoed(Given.comment(A, "stale-warning"), "AUTH-001", "on hold");
    long c1 = journal.beginCycle("schedule", Mode.DRY_RUN, "r1");
    journal.decided(c1, Given.decision(A, List.of(vetoed)));
    journal.record(c1, vetoed, Mode.DRY_RUN, ActionStatus.REFUSED, ActionCode.VETO, "vetoed by AUTH-001: on hold");
    journal.finishCycle(c1, CycleStatus.OK, null, CycleCounts.none());
    cycleAbout(B, CycleStatus.OK);
    long c3 = cycleAbout(A, CycleStatus.OK);

    SubjectHistory h = journal.reader().history(A, 10);
    assertEquals(List.of(c3, c1), h.cycleIds());
    assertEquals(2, h.spans().size(), "cycle " + c1 + " vetoed a proposal cycle " + c3 + " did not make");
    SubjectHistory.Span old = h.spans().get(1);
    assertEquals(List.of(c1), old.cycleIds());
    assertEquals(c1, old.newest().id());
    assertEquals(c1, old.oldest().id());
    assertEquals(70, old.priority().total());
    assertEquals(List.of("claude", "kimi"), old.routes().stream().map(RouteItem::agent).toList());
    assertEquals("AUTH-001", old.proposals().get(0).vetoes().get(0).ruleId());
    assertEquals("vetoed by AUTH-001: on hold", old.actions().get(0).outcome());
    assertEquals(ActionCode.VETO, old.actions().get(0).code());
    assertEquals(List.of(c3), journal.reader().history(A, 1).cycleIds());
    assertEquals(List.of(), journal.reader().history("alex/app#404", 5).spans());
  }

  @Test
  void a_history_joins_cycles_that_concluded_the_same_keeping_each_cycles_actions_in_order_and_an_action_only_cycle_too() {
    long c1 = cycleAbout(A, CycleStatus.OK);
    long c2 = cycleAbout(A, CycleStatus.OK);
    ProposalItem p = Given.comment(A, "again");
    journal.record(c2, p, Mode.DRY_RUN, ActionStatus.REFUSED, ActionCode.ON_HOLD, "held");
    long c3 = journal.beginCycle("api", Mode.DRY_RUN, "rev-abc"); // acted about A without a decision of its own
    journal.record(c3, p, Mode.DRY_RUN, ActionStatus.WOULD_DO, null, "would comment again");
    journal.finishCycle(c3, CycleStatus.OK, null, CycleCounts.none());
    cycleAbout(B, CycleStatus.OK);

    SubjectHistory h = journal.reader().history(A, 10);
    assertEquals(List.of(c3, c2, c1), h.cycleIds());
    assertEquals(2, h.spans().size(), "cycles " + c2 + " and " + c1 + " concluded the same about " + A);
    SubjectHistory.Span actedOnly = h.spans().get(0);
    SubjectHistory.Span same = h.spans().get(1);
    assertEquals(List.of(c3), actedOnly.cycleIds());
    assertEquals(List.of("would comment again"), actedOnly.actions().stream().map(ActionRow::outcome).toList());
    assertEquals(List.of(), actedOnly.proposals(), "cycle " + c3 + " decided nothing");
    assertEquals(List.of(c2, c1), same.cycleIds());
    assertEquals(c2, same.newest().id());
    assertEquals(c1, same.oldest().id());
    assertEquals(1, same.proposals().size());
    assertEquals(List.of("would comment", "held", "would comment"), same.actions().stream().map(ActionRow::outcome).toList());
    assertEquals(List.of(c2, c2, c1), same.actions().stream().map(ActionRow::cycleId).toList(), "each action names its cycle");
    assertEquals(List.of(c3, c2), journal.reader().history(A, 2).cycleIds());
  }

  @Test
  void a_refusal_is_kept_on_its_proposal_too() throws Exception {
    long id = journal.beginCycle("api", Mode.LIVE, "r");
    ProposalItem p = Given.comment(A, "x");
    journal.decided(id, Given.decision(A, List.of(p)));
    journal.record(id, p, Mode.LIVE, ActionStatus.REFUSED, ActionCode.ON_HOLD, "alex/app#1 carries hold label on-hold");
    assertEquals(1, query("SELECT count(*) FROM proposals WHERE refusal = 'alex/app#1 carries hold label on-hold'"));
  }

  @Test
  void last_cycle_and_last_good_cycle_differ_after_a_failure() {
    long good = cycleAbout(A, CycleStatus.OK);
    long bad = cycleAbout(A, CycleStatus.FAILED);
    assertEquals(bad, journal.reader().lastCycle().orElseThrow().id());
    assertEquals("boom", journal.reader().lastCycle().orElseThrow().error());
    assertEquals(good, journal.reader().lastGoodCycle().orElseThrow().id());
  }

  @Test
  void cycles_page_newest_first_by_id() {
    for (int i = 0; i < 5; i++) cycleAbout(A, CycleStatus.OK);
    CyclePage first = journal.reader().cycles(2, null);
    assertEquals(5, first.total());
    assertEquals(List.of(5L, 4L), first.cycles().stream().map(CycleRow::id).toList());
    CyclePage last = journal.reader().cycles(2, 2L);
    assertEquals(List.of(1L), last.cycles().stream().map(CycleRow::id).toList());
    assertNull(last.nextBefore());
    assertEquals(List.of(3L, 2L), journal.reader().cycles(2, first.nextBefore()).cycles().stream().map(CycleRow::id).toList());
  }

  @Test
  void counts_total_cycles_actions_and_refusals_by_guard() {
    cycleAbout(A, CycleStatus.OK);
    cycleAbout(A, CycleStatus.FAILED);
    long id = journal.beginCycle("api", Mode.LIVE, "r");
    journal.record(id, Given.comment(B, "x"), Mode.LIVE, ActionStatus.REFUSED, ActionCode.COMMENT_BUDGET, "budget");
    JournalCounts n = journal.reader().counts();
    assertEquals(1L, n.cycles().get(CycleStatus.OK));
    assertEquals(1L, n.cycles().get(CycleStatus.FAILED));
    assertEquals(1L, n.cycles().get(CycleStatus.RUNNING));
    assertEquals(2L, n.actions().get(ActionStatus.WOULD_DO));
    assertEquals(0L, n.actions().get(ActionStatus.DONE));
    assertEquals(Map.of("comment_budget", 1L), n.refusalsByCode());
    assertEquals(12, n.decisionItems());
  }

  @Test
  void comment_keys_are_counted_per_subject_distinct_and_within_the_window() {
    long id = journal.beginCycle("schedule", Mode.LIVE, "r");
    for (String topic : List.of("a", "a", "b")) {
      long a = journal.intend(id, Given.comment(A, topic), Mode.LIVE);
      journal.complete(a, ActionStatus.DONE, null, "commented");
    }
    journal.record(id, Given.comment(A, "c"), Mode.LIVE, ActionStatus.REFUSED, ActionCode.ON_HOLD, "held");
    journal.record(id, Given.comment(B, "d"), Mode.LIVE, ActionStatus.WOULD_DO, null, "would");
    clock.advance(Duration.ofHours(25));
    long later = journal.intend(id, Given.comment(A, "e"), Mode.LIVE);
    journal.complete(later, ActionStatus.DONE, null, "commented");
    Set<ActionKind> comments = Set.of(ActionKind.COMMENT);
    Set<ActionStatus> done = Set.of(ActionStatus.DONE);
    assertEquals(Set.of(Given.comment(A, "e").id()), journal.reader().keysSince(A, comments, done, clock.instant().minus(Duration.ofDays(1))));
    assertEquals(3, journal.reader().keysSince(A, comments, done, NOW).size());
    assertEquals(0, journal.reader().keysSince(A, Set.of(ActionKind.CLOSE), done, NOW).size());
  }

  @Test
  void a_key_is_known_as_done_only_after_a_done_outcome() {
    ProposalItem p = Given.comment(A, "hello");
    long id = journal.beginCycle("schedule", Mode.LIVE, "r");
    long action = journal.intend(id, p, Mode.LIVE);
    assertFalse(journal.reader().everDone(p.id()));
    journal.complete(action, ActionStatus.DONE, null, "commented #77");
    assertTrue(journal.reader().everDone(p.id()));
    assertEquals(id, journal.reader().lastDone(p.id()).orElseThrow().cycleId());
    assertFalse(journal.reader().everDone(Given.comment(A, "other").id()));
  }

  @Test
  void the_failure_streak_counts_live_failures_since_the_last_success() {
    long id = journal.beginCycle("schedule", Mode.LIVE, "r");
    assertEquals(0, journal.reader().failureStreak(10).failures());
    for (ActionStatus s : List.of(ActionStatus.FAILED, ActionStatus.DONE, ActionStatus.FAILED, ActionStatus.FAILED)) {
      clock.advance(Duration.ofMinutes(1));
      journal.complete(journal.intend(id, Given.comment(A, "t" + s), Mode.LIVE), s, null, s.name());
    }
    journal.record(id, Given.comment(B, "dry"), Mode.DRY_RUN, ActionStatus.WOULD_DO, null, "would");
    FailureStreak streak = journal.reader().failureStreak(10);
    assertEquals(2, streak.failures());
    assertEquals(clock.instant(), streak.lastFailureAt());
    assertEquals(1, journal.reader().failureStreak(1).failures());
  }

  @Test
  void retention_deletes_old_cycles_with_all_their_rows() throws Exception {
    long old = cycleAbout(A, CycleStatus.OK);
    clock.advance(Duration.ofDays(31));
    long recent = cycleAbout(B, CycleStatus.OK);
    assertEquals(1, journal.prune(Duration.ofDays(30)));
    assertTrue(journal.reader().cycle(old).isEmpty());
    assertTrue(journal.reader().cycle(recent).isPresent());
    assertEquals(0, query("SELECT count(*) FROM items WHERE cycle_id = " + old));
    assertEquals(0, query("SELECT count(*) FROM item_rules WHERE item_id NOT IN (SELECT id FROM items)"));
    assertEquals(0, query("SELECT count(*) FROM actions WHERE cycle_id = " + old));
    assertEquals(0, query("SELECT count(*) FROM proposals WHERE cycle_id = " + old));
    assertEquals(6, query("SELECT count(*) FROM items"));
  }

  @Test
  void a_stop_mid_cycle_leaves_a_running_cycle_and_an_intended_action_to_recover() {
    long id = journal.beginCycle("schedule", Mode.LIVE, "r");
    ProposalItem p = Given.comment(A, "hello");
    long action = journal.intend(id, p, Mode.LIVE);
    Journal restarted = Journal.open(journal.file(), clock);
    List<PendingAction> pending = restarted.pendingActions();
    assertEquals(1, pending.size());
    assertEquals(action, pending.get(0).actionId());
    assertEquals(p, pending.get(0).proposal());
    assertEquals(1, restarted.failRunningCycles("interrupted"));
    assertEquals(CycleStatus.FAILED, restarted.reader().lastCycle().orElseThrow().status());
  }

  @Test
  void equal_snapshots_have_equal_digests_and_any_change_shows() {
    var one = Given.snapshot(List.of(Given.issue("alex/app", 1, "bug")), List.of());
    var same = Given.snapshot(List.of(Given.issue("alex/app", 1, "bug")), List.of());
    var other = Given.snapshot(List.of(Given.issue("alex/app", 1, "feature")), List.of());
    assertEquals(SnapshotDigest.of(one), SnapshotDigest.of(same));
    assertNotEquals(SnapshotDigest.of(one), SnapshotDigest.of(other));
  }
}
