package dev.timmy.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.Mode;
import dev.timmy.bench.BacklogChanges;
import dev.timmy.bench.SyntheticHouse;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.RuleBook;
import dev.timmy.derive.Derive;
import dev.timmy.facts.Snapshot;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal keeps a decision as what changed since the previous cycle and each snapshot once;
 * reading any cycle back must give what was decided and observed then, whatever came after.
 */
class JournalDeltaTest {
  private static RuleBook rules;
  @TempDir Path dir;

  @BeforeAll
  static void compile() throws Exception {
    rules = RuleBook.open(Path.of("rules"));
  }

  /** What a cycle journaled, to check against: its snapshot and decision. */
  private record Cycle(long id, Snapshot snapshot, Decision decision) {}

  private static List<Cycle> journal(Journal j, List<Snapshot> snapshots) {
    return journal(j, snapshots, rules::evaluate);
  }

  /** {@code decide}: a fresh evaluation each cycle, or the rule book's live session (which hands back the items that live on). */
  private static List<Cycle> journal(Journal j, List<Snapshot> snapshots, java.util.function.Function<Snapshot, Decision> decide) {
    List<Cycle> out = new ArrayList<>();
    for (Snapshot s : snapshots) {
      long id = j.beginCycle("test", Mode.DRY_RUN, rules.revision());
      j.observed(id, s);
      Decision d = decide.apply(Derive.from(s)); // as a cycle does: the journal keeps what was observed
      j.decided(id, d);
      j.finishCycle(id, CycleStatus.OK, null, CycleCounts.none());
      out.add(new Cycle(id, s, d));
    }
    return out;
  }

  /** The items of a decision as the journal used to write them: every kind in its order, every item. */
  private static List<Object> items(Decision d) {
    List<Object> all = new ArrayList<>();
    all.addAll(d.priorities());
    all.addAll(d.routes());
    all.addAll(d.checks());
    all.addAll(d.escalations());
    all.addAll(d.proposals());
    return all;
  }

  private static Object typed(DecisionRecord r) {
    return switch (r.kind()) {
      case PRIORITY -> r.as(PriorityItem.class);
      case ROUTE -> r.as(RouteItem.class);
      case CHECK -> r.as(CheckItem.class);
      case ESCALATION -> r.as(EscalationItem.class);
      case PROPOSAL -> r.as(ProposalItem.class);
    };
  }

  private static void assertReadsBack(Journal j, List<Cycle> cycles) {
    JournalReader r = j.reader();
    for (Cycle c : cycles) {
      CycleDetail d = r.cycle(c.id()).orElseThrow();
      assertEquals(items(c.decision()), d.items().stream().map(JournalDeltaTest::typed).toList(), "items of cycle " + c.id());
      assertEquals(c.snapshot(), r.snapshot(c.id()).orElseThrow(), "snapshot of cycle " + c.id());
    }
    // a subject's history and the decision list answer from the same rows
    Cycle last = cycles.get(cycles.size() - 1);
    for (PriorityItem p : last.decision().priorities().subList(0, Math.min(3, last.decision().priorities().size()))) {
      SubjectHistory h = r.history(p.subject(), cycles.size());
      List<Long> expected = cycles.stream().filter(c -> items(c.decision()).stream().anyMatch(i -> subject(i).equals(p.subject())))
          .map(Cycle::id).sorted((a, b) -> Long.compare(b, a)).toList();
      assertEquals(expected, h.cycleIds(), "cycles mentioning " + p.subject());
      for (int i = 0; i < h.spans().size(); i++) {
        SubjectHistory.Span e = h.spans().get(i);
        for (long id : e.cycleIds()) {
          Decision then = cycles.stream().filter(c -> c.id() == id).findFirst().orElseThrow().decision();
          assertEquals(then.priorityOf(p.subject()).orElse(null), e.priority(), "cycle " + id);
          assertEquals(then.routesOf(p.subject()), e.routes(), "cycle " + id);
          assertEquals(then.checksOf(p.subject()), e.checks(), "cycle " + id);
          assertEquals(then.proposalsOf(p.subject()), e.proposals(), "cycle " + id);
        }
        if (i > 0) { // a new span only where the subject's decision changed
          SubjectHistory.Span newer = h.spans().get(i - 1);
          assertFalse(java.util.Objects.equals(newer.priority(), e.priority()) && newer.routes().equals(e.routes()) && newer.checks().equals(e.checks())
              && newer.escalations().equals(e.escalations()) && newer.proposals().equals(e.proposals()),
              p.subject() + ": spans " + newer.cycleIds() + " and " + e.cycleIds() + " concluded the same");
        }
      }
      List<Object> listed = r.decisions(DecisionFilter.all().subject(p.subject()).limit(DecisionFilter.MAX_LIMIT)).stream()
          .map(JournalDeltaTest::typed).toList();
      List<Object> all = new ArrayList<>();
      for (int i = cycles.size() - 1; i >= 0; i--) {
        for (Object o : items(cycles.get(i).decision())) if (subject(o).equals(p.subject())) all.add(o);
      }
      assertEquals(all, listed, "decisions about " + p.subject());
    }
    List<DecisionRecord> proposals = r.decisions(DecisionFilter.all().kind(ItemKind.PROPOSAL).limit(DecisionFilter.MAX_LIMIT));
    List<Object> expected = new ArrayList<>();
    for (int i = cycles.size() - 1; i >= 0; i--) expected.addAll(cycles.get(i).decision().proposals());
    assertEquals(expected.subList(0, Math.min(expected.size(), DecisionFilter.MAX_LIMIT)),
        proposals.stream().map(JournalDeltaTest::typed).toList());
    assertEquals(cycles.stream().mapToLong(c -> items(c.decision()).size()).sum(), r.counts().decisionItems());
  }

  private static String subject(Object item) {
    if (item instanceof PriorityItem p) return p.subject();
    if (item instanceof RouteItem p) return p.subject();
    if (item instanceof CheckItem p) return p.subject();
    if (item instanceof EscalationItem p) return p.subject();
    return ((ProposalItem) item).subject();
  }

  @Test
  void the_demo_house_reads_back_cycle_by_cycle_as_time_passes_and_a_steady_cycle_adds_no_item_rows() throws Exception {
    Snapshot demo = DemoHouse.load(Path.of("fixtures/demo"));
    Journal j = Journal.open(dir.resolve("demo.db"), new Given.Clock(demo.takenAt()));
    List<Snapshot> seq = new ArrayList<>();
    for (long h : new long[] {0, 0, 1, 30, 30, 200, 24 * 9}) seq.add(demo.at(demo.takenAt().plus(Duration.ofHours(h))));
    List<Cycle> first = journal(j, seq.subList(0, 1));
    JournalBytes once = j.reader().bytes();
    List<Cycle> again = journal(j, seq.subList(1, 2));
    JournalBytes twice = j.reader().bytes();
    assertEquals(once, twice, "the same snapshot and decision again is a reference, no new bytes");
    List<Cycle> all = new ArrayList<>(first);
    all.addAll(again);
    all.addAll(journal(j, seq.subList(2, seq.size())));
    assertReadsBack(j, all);
    assertTrue(j.reader().bytes().items() < 3L * items(all.get(0).decision()).size(),
        "rows are kept across cycles: " + j.reader().bytes());
    assertFalse(items(all.get(all.size() - 1).decision()).equals(items(all.get(0).decision())),
        "nine days later the decision differs, so the sequence tests changes too");
  }

  @Test
  void a_synthetic_backlog_changing_each_cycle_reads_back_cycle_by_cycle() {
    Snapshot s = SyntheticHouse.generate(400, 8, 11);
    Journal j = Journal.open(dir.resolve("synthetic.db"), new Given.Clock(s.takenAt()));
    Random rnd = new Random(5);
    List<Snapshot> seq = new ArrayList<>(List.of(s));
    for (int i = 0; i < 6; i++) {
      s = i == 3 ? s : BacklogChanges.apply(s, 0.03, rnd).snapshot();
      seq.add(s.at(s.takenAt().plus(Duration.ofMinutes(i))));
    }
    assertReadsBack(j, journal(j, seq));
  }

  @Test
  void a_live_session_s_decisions_whose_items_live_on_read_back_cycle_by_cycle() throws Exception {
    // the live session hands the same item objects back while their facts live: the journal keeps
    // their rows by identity, and an item that moved (a new sort key) or names the clock is digested afresh
    Snapshot s = SyntheticHouse.generate(400, 8, 13);
    RuleBook live = RuleBook.open(Path.of("rules"));
    Journal j = Journal.open(dir.resolve("live.db"), new Given.Clock(s.takenAt()));
    Random rnd = new Random(9);
    List<Snapshot> seq = new ArrayList<>(List.of(s));
    for (int i = 0; i < 7; i++) {
      s = i % 3 == 1 ? s : BacklogChanges.apply(s, 0.05, rnd).snapshot();
      seq.add(s.at(s.takenAt().plus(Duration.ofMinutes(i % 2 == 0 ? i : 0))));
    }
    assertReadsBack(j, journal(j, seq, live::decide));
  }

  @Test
  void rows_digested_with_the_last_cycle_s_memo_are_the_rows_digested_afresh() throws Exception {
    Snapshot s = SyntheticHouse.generate(300, 8, 17);
    RuleBook live = RuleBook.open(Path.of("rules"));
    Random rnd = new Random(3);
    DecisionRows.Memo last = DecisionRows.Memo.empty();
    int reused = 0;
    for (int i = 0; i < 6; i++) {
      if (i % 2 == 1) s = BacklogChanges.apply(s, 0.05, rnd).snapshot();
      Decision d = live.decide(s.at(s.takenAt().plus(Duration.ofMinutes(i < 3 ? 0 : i))));
      DecisionRows.Memo next = DecisionRows.Memo.empty();
      List<String> memoised = rows(DecisionRows.of(d, last, next));
      assertEquals(rows(DecisionRows.of(d)), memoised, "cycle " + i);
      reused += next.reused();
      last = next;
    }
    assertTrue(reused > 1000, "items lived on and were not digested again: " + reused);
  }

  private static List<String> rows(List<DecisionRows.Row> rows) {
    return rows.stream().map(r -> r.kind() + " " + r.sortKey() + " " + java.util.HexFormat.of().formatHex(r.digest().bytes())
        + " " + r.subject() + " " + r.ruleId() + " " + r.rules()).toList();
  }

  @Test
  void a_journal_reopened_after_a_restart_carries_on_from_the_rows_it_holds() {
    Snapshot s = SyntheticHouse.generate(200, 6, 3);
    Path file = dir.resolve("restart.db");
    Journal before = Journal.open(file, new Given.Clock(s.takenAt()));
    List<Cycle> cycles = new ArrayList<>(journal(before, List.of(s)));
    JournalBytes once = before.reader().bytes();
    Journal after = Journal.open(file, new Given.Clock(s.takenAt()));
    cycles.addAll(journal(after, List.of(s)));
    assertEquals(once.items(), after.reader().bytes().items(), "the rows were found open in the file, not rewritten");
    cycles.addAll(journal(after, List.of(BacklogChanges.apply(s, 0.05, new Random(1)).snapshot())));
    assertReadsBack(after, cycles);
  }

  @Test
  void an_open_row_whose_digest_was_altered_ends_at_the_next_cycle_and_its_item_is_written_again() throws Exception {
    Snapshot s = SyntheticHouse.generate(150, 5, 21);
    Path file = dir.resolve("altered.db");
    List<Cycle> cycles = new ArrayList<>(journal(Journal.open(file, new Given.Clock(s.takenAt())), List.of(s)));
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        java.sql.Statement st = c.createStatement()) {
      assertEquals(2, st.executeUpdate("UPDATE items SET digest = x'00' WHERE id IN (SELECT min(id) FROM items)"
          + " OR id IN (SELECT max(id) FROM items)"));
    }
    Journal after = Journal.open(file, new Given.Clock(s.takenAt())); // no rows in memory: they are read from the file
    long before = after.reader().bytes().items();
    cycles.addAll(journal(after, List.of(s, s)));
    assertEquals(before + 2, after.reader().bytes().items(), "the two altered rows ended, their items were written anew");
    assertReadsBack(after, cycles);
  }

  @Test
  void a_steady_cycle_of_a_live_session_keeps_every_row_and_reads_back() throws Exception {
    Snapshot s = SyntheticHouse.generate(300, 8, 23);
    RuleBook live = RuleBook.open(Path.of("rules"));
    Journal j = Journal.open(dir.resolve("steady.db"), new Given.Clock(s.takenAt()));
    List<Cycle> cycles = new ArrayList<>(journal(j, List.of(s), live::decide));
    long rows = j.reader().bytes().items();
    // the clock alone moves, within the hour: every item is handed back and every row kept
    for (int i = 1; i <= 3; i++) cycles.addAll(journal(j, List.of(s.at(s.takenAt().plusSeconds(i))), live::decide));
    assertEquals(rows, j.reader().bytes().items(), "no row written by a steady cycle");
    cycles.addAll(journal(j, List.of(BacklogChanges.apply(s, 0.05, new Random(4)).snapshot()), live::decide));
    assertTrue(j.reader().bytes().items() > rows, "a changed backlog writes rows again");
    assertReadsBack(j, cycles);
  }

  @Test
  void pruning_old_cycles_keeps_the_rows_and_snapshots_later_cycles_still_use() {
    Snapshot s = SyntheticHouse.generate(150, 5, 9);
    Given.Clock clock = new Given.Clock(s.takenAt());
    Journal j = Journal.open(dir.resolve("prune.db"), clock);
    journal(j, List.of(s));
    clock.advance(Duration.ofDays(40));
    Snapshot later = BacklogChanges.apply(s, 0.02, new Random(2)).snapshot();
    List<Cycle> kept = journal(j, List.of(later, later.at(later.takenAt().plusSeconds(60))));
    assertEquals(1, j.prune(Duration.ofDays(30)));
    assertReadsBack(j, kept);
  }

  @Test
  void old_cycles_of_a_step_4_journal_read_as_before_and_the_next_cycle_writes_in_full() throws Exception {
    Snapshot s = SyntheticHouse.generate(120, 4, 4);
    Path file = dir.resolve("v4.db");
    Journal v4 = Journal.open(file, new Given.Clock(s.takenAt()), Migrations.STEPS.subList(0, 4));
    long old = v4.beginCycle("test", Mode.DRY_RUN, rules.revision());
    Decision d = rules.evaluate(s);
    V4.decided(file, old, d);
    Journal v5 = Journal.open(file, new Given.Clock(s.takenAt()));
    assertEquals(5, v5.schemaVersion());
    List<Cycle> cycles = new ArrayList<>(List.of(new Cycle(old, s, d)));
    assertEquals(items(d), v5.reader().cycle(old).orElseThrow().items().stream().map(JournalDeltaTest::typed).toList());
    assertTrue(v5.reader().snapshot(old).isEmpty(), "a step 4 journal kept only the digest");
    cycles.addAll(journal(v5, List.of(s, s)));
    JournalReader r = v5.reader();
    for (Cycle c : cycles.subList(1, 3)) {
      assertEquals(items(c.decision()), r.cycle(c.id()).orElseThrow().items().stream().map(JournalDeltaTest::typed).toList());
    }
    assertEquals(3L * items(d).size(), r.counts().decisionItems());
    assertEquals(List.of(cycles.get(2).id(), cycles.get(1).id(), old), r.history(d.priorities().get(0).subject(), 5).cycleIds());
  }
}
