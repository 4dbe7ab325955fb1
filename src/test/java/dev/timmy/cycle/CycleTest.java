package dev.timmy.cycle;

import dev.timmy.act.ActionCode;
import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.Authority;
import dev.timmy.act.Executor;
import dev.timmy.act.RecordingTarget;
import dev.timmy.config.BudgetConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.RuleBook;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.CycleDetail;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.journal.JournalCounts;
import dev.timmy.act.Mode;
import dev.timmy.journal.SnapshotDigest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CycleTest {
  private static RuleBook greet;

  @TempDir Path dir;
  private Given.Clock clock;
  private Journal journal;
  private RecordingTarget target;
  private final Snapshot world = Given.snapshot(
      List.of(Given.issue("alex/app", 1, "feature"), Given.issue("alex/app", 2, "bug", "p0"),
          Given.issue("alex/app", 3, "on-hold")), List.of());

  @BeforeAll
  static void compile(@TempDir Path rules) throws Exception {
    Drl.write(rules, "greet.drl", Drl.GREET);
    greet = RuleBook.open(rules);
  }

  @BeforeEach
  void open() {
    clock = new Given.Clock(NOW);
    journal = Journal.open(dir.resolve("timmy.db"), clock);
    target = RecordingTarget.forAll();
  }

  private Cycle cycle(Observer observer, RuleBook rules, Mode mode, BudgetConfig budgets) {
    Authority authority = new Authority(new OwnerConfig("alex", List.of("on-hold"), null), budgets, journal.reader(), clock);
    return new Cycle(observer, rules, authority, new Executor(List.of(target), journal, mode), journal, Duration.ofDays(30));
  }

  private Cycle cycle(Observer observer, RuleBook rules) {
    return cycle(observer, rules, Mode.DRY_RUN, BudgetConfig.defaults());
  }

  @Test
  void a_dry_run_cycle_journals_snapshot_decision_and_would_do_actions() {
    CycleRow row = cycle(() -> world, greet).run("test");
    assertEquals(CycleStatus.OK, row.status());
    assertEquals("test", row.trigger());
    assertEquals(greet.revision(), row.rulesRevision());
    assertEquals(SnapshotDigest.of(world), row.snapshotDigest());
    assertNull(row.error());
    CycleDetail detail = journal.reader().cycle(row.id()).orElseThrow();
    // #2 ranks first (p0), so its comment is the first action; #3 is on hold and refused in Java.
    assertEquals(List.of("alex/app#2", "alex/app#1", "alex/app#3"), detail.actions().stream().map(ActionRow::subject).toList());
    assertEquals(List.of(ActionStatus.WOULD_DO, ActionStatus.WOULD_DO, ActionStatus.REFUSED),
        detail.actions().stream().map(ActionRow::status).toList());
    assertEquals(ActionCode.ON_HOLD, detail.actions().get(2).code());
    assertEquals(2, row.counts().wouldDo());
    assertEquals(3, row.counts().priorities());
    assertEquals(List.of(), target.performed());
  }

  @Test
  void a_live_cycle_performs_and_the_next_cycle_does_not_repeat() {
    Cycle live = cycle(() -> world, greet, Mode.LIVE, BudgetConfig.defaults());
    assertEquals(2, live.run("test").counts().done());
    CycleRow again = live.run("test");
    assertEquals(2, again.counts().skipped());
    assertEquals(2, target.performed().size());
  }

  @Test
  void the_operations_budget_is_spent_on_the_highest_priority_first() {
    CycleRow row = cycle(() -> world, greet, Mode.LIVE, new BudgetConfig(1, 3, 3, 30)).run("test");
    assertEquals(List.of(Given.comment("alex/app#2", "hello").id()), target.performed());
    // the budget spent: what the snapshot alone refuses is still journaled (#3 is on hold), the rest
    // is deferred (#1): counted on the cycle, not journaled as one budget refusal each
    List<ActionRow> actions = journal.reader().actions(row.id());
    assertEquals(List.of("alex/app#2", "alex/app#3"), actions.stream().map(ActionRow::subject).toList());
    assertEquals(ActionCode.ON_HOLD, actions.get(1).code());
    assertEquals(1, row.counts().deferred());
    assertEquals(1, row.counts().done());
    assertEquals(1, row.counts().refused());
  }

  @Test
  void an_observer_failure_is_journaled_failed_and_nothing_is_acted_on() {
    CycleRow row = cycle(() -> {
      throw new IOException("gitea.local: connection refused");
    }, greet, Mode.LIVE, BudgetConfig.defaults()).run("test");
    assertEquals(CycleStatus.FAILED, row.status());
    assertEquals("observe: IOException: gitea.local: connection refused", row.error());
    assertNull(row.snapshotDigest());
    assertEquals(List.of(), journal.reader().actions(row.id()));
    assertEquals(List.of(), target.calls());
    assertTrue(journal.reader().lastGoodCycle().isEmpty());
  }

  @Test
  void a_runaway_rule_fails_the_cycle_at_the_firing_limit_with_no_actions(@TempDir Path rules) throws Exception {
    Drl.write(rules, "runaway.drl", Drl.RUNAWAY);
    CycleRow row = cycle(() -> world, RuleBook.open(rules)).run("test");
    assertEquals(CycleStatus.FAILED, row.status());
    assertTrue(row.error().startsWith("evaluate (rules "), row.error());
    assertTrue(row.error().contains("firing limit") && row.error().contains("T-900"), row.error());
    assertEquals(SnapshotDigest.of(world), row.snapshotDigest(), "the snapshot that broke the rules is identified");
    assertEquals(List.of(), journal.reader().actions(row.id()));
    assertEquals(List.of(), target.calls());
  }

  @Test
  void an_exception_in_a_consequence_fails_the_cycle(@TempDir Path rules) throws Exception {
    Drl.write(rules, "throws.drl", Drl.THROWS);
    CycleRow row = cycle(() -> world, RuleBook.open(rules)).run("test");
    assertEquals(CycleStatus.FAILED, row.status());
    assertTrue(row.error().contains("boom in a consequence"), row.error());
    JournalCounts counts = journal.reader().counts();
    assertEquals(0L, counts.decisionItems());
  }

  @Test
  void recovery_closes_a_cycle_left_running_by_a_stop() {
    long stopped = journal.beginCycle("schedule", Mode.LIVE, "r");
    cycle(() -> world, greet).recover();
    CycleRow row = journal.reader().cycle(stopped).orElseThrow().cycle();
    assertEquals(CycleStatus.FAILED, row.status());
    assertEquals("interrupted: Timmy stopped during this cycle", row.error());
  }

  @Test
  void cycles_older_than_the_retention_are_pruned_after_each_cycle() {
    Cycle c = cycle(() -> world, greet);
    long old = c.run("test").id();
    clock.advance(Duration.ofDays(31));
    long recent = c.run("test").id();
    assertTrue(journal.reader().cycle(old).isEmpty());
    assertTrue(journal.reader().cycle(recent).isPresent());
  }

  @Test
  void a_failed_cycle_is_logged_once_with_its_cycle_id() {
    Logger logger = (Logger) LoggerFactory.getLogger(Cycle.class);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    try {
      CycleRow row = cycle(() -> {
        throw new IOException("gitea.local: connection refused");
      }, greet).run("test");
      List<ILoggingEvent> failed = seen.list.stream().filter(e -> e.getFormattedMessage().contains("connection refused")).toList();
      assertEquals(1, failed.size(), seen.list.toString());
      assertEquals(String.valueOf(row.id()), failed.get(0).getMDCPropertyMap().get("cycle"));
      assertNull(org.slf4j.MDC.get("cycle"), "the cycle id is not left behind on the thread");
    } finally {
      logger.detachAppender(seen);
    }
  }

  @Test
  void cycles_decide_in_a_live_session_and_a_failed_cycle_makes_the_next_one_start_afresh() throws Exception {
    RuleBook policy = RuleBook.open(Path.of("rules"));
    Snapshot demo = dev.timmy.observe.DemoHouse.load(Path.of("fixtures/demo"));
    int full = policy.evaluate(demo).firings();
    boolean[] fail = {false};
    Cycle c = cycle(() -> {
      if (fail[0]) throw new IOException("gitea.local: connection refused");
      return demo;
    }, policy);
    assertEquals(full, c.run("test").counts().firings(), "the first cycle starts from an empty session");
    assertEquals(0, c.run("test").counts().firings(), "the same snapshot again: the live session fires nothing");
    fail[0] = true;
    assertEquals(CycleStatus.FAILED, c.run("test").status());
    fail[0] = false;
    assertEquals(full, c.run("test").counts().firings(), "after a failed cycle, a fresh session");
  }
}
