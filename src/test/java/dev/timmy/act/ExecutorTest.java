package dev.timmy.act;

import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.timmy.LogCapture;
import dev.timmy.config.BudgetConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.CycleCounts;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class ExecutorTest {
  private static final String SUBJECT = "alex/app#2";
  private static final ProposalItem HELLO = Given.comment(SUBJECT, "hello");

  @TempDir Path dir;
  private Given.Clock clock;
  private Journal journal;
  private RecordingTarget target;
  private final Snapshot world = Given.snapshot(List.of(Given.issue("alex/app", 2, "bug")), List.of());

  @BeforeEach
  void open() {
    clock = new Given.Clock(NOW);
    journal = Journal.open(dir.resolve("timmy.db"), clock);
    target = RecordingTarget.forAll();
  }

  private Authority authority(Journal j, BudgetConfig budgets) {
    return new Authority(new OwnerConfig("alex", List.of("on-hold"), null), budgets, j.reader(), clock);
  }

  /** One cycle of {@code proposals} through a fresh guard, as the cycle does it. */
  private List<ActionRow> cycle(Journal j, Executor executor, BudgetConfig budgets, ProposalItem... proposals) {
    long id = j.beginCycle("test", executor.mode(), "r");
    return executor.execute(id, List.of(proposals), authority(j, budgets).open(world, executor.mode())).actions();
  }

  private List<ActionRow> cycle(Executor executor, ProposalItem... proposals) {
    return cycle(journal, executor, BudgetConfig.defaults(), proposals);
  }

  private static List<ActionStatus> statuses(List<ActionRow> rows) {
    return rows.stream().map(ActionRow::status).toList();
  }

  @Test
  void dry_run_reads_the_live_state_as_live_does_records_would_do_and_writes_nothing() {
    List<ActionRow> rows = cycle(new Executor(List.of(target), journal, Mode.DRY_RUN), HELLO);
    assertEquals(List.of(ActionStatus.WOULD_DO), statuses(rows));
    assertEquals("would COMMENT alex/app#2 (topic=hello): \"Hello about hello\"", rows.get(0).outcome());
    assertEquals(List.of(new RecordingTarget.Call("refusal", HELLO.id()), new RecordingTarget.Call("alreadyDone", HELLO.id())),
        target.calls());
    assertEquals(Mode.DRY_RUN, rows.get(0).mode());
  }

  @Test
  void dry_run_does_not_claim_it_would_do_what_is_already_in_the_world() {
    target.present(HELLO.id());
    ActionRow row = cycle(new Executor(List.of(target), journal, Mode.DRY_RUN), HELLO).get(0);
    assertEquals(ActionStatus.SKIPPED_ALREADY_DONE, row.status());
    assertEquals(ActionCode.LIVE_STATE, row.code());
    assertEquals(List.of(), target.performed());
  }

  @Test
  void live_checks_live_state_then_performs_once_and_never_again_once_done() {
    Executor live = new Executor(List.of(target), journal, Mode.LIVE);
    List<ActionRow> first = cycle(live, HELLO);
    assertEquals(List.of(ActionStatus.DONE), statuses(first));
    assertEquals("recorded " + HELLO.id(), first.get(0).outcome());
    assertEquals(List.of("refusal", "alreadyDone", "perform"), target.calls().stream().map(RecordingTarget.Call::method).toList());
    List<ActionRow> second = cycle(live, HELLO);
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(second));
    assertEquals(ActionCode.LIVE_STATE, second.get(0).code(), "done is read from the world, not from the journal");
    assertEquals(List.of(HELLO.id()), target.performed());
  }

  @Test
  void live_skips_an_effect_already_present_without_performing() {
    target.present(HELLO.id());
    List<ActionRow> rows = cycle(new Executor(List.of(target), journal, Mode.LIVE), HELLO);
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(rows));
    assertEquals(ActionCode.LIVE_STATE, rows.get(0).code());
    assertEquals(List.of(), target.performed());
  }

  @Test
  void a_failed_write_is_journaled_failed_with_the_error() {
    target.failing(HELLO.id(), "HTTP 500 from Gitea");
    List<ActionRow> rows = cycle(new Executor(List.of(target), journal, Mode.LIVE), HELLO);
    assertEquals(List.of(ActionStatus.FAILED), statuses(rows));
    assertEquals("IOException: HTTP 500 from Gitea", rows.get(0).outcome());
    assertTrue(rows.get(0).finishedAt() != null);
  }

  @Test
  void a_kind_without_a_target_is_refused_as_having_no_executor() {
    Executor executor = new Executor(List.of(new RecordingTarget(EnumSet.of(ActionKind.COMMENT))), journal, Mode.LIVE);
    ActionRow row = cycle(executor, Given.proposal(ActionKind.MERGE, "alex/app#3", Map.of())).get(0);
    assertEquals(ActionStatus.REFUSED, row.status());
    assertEquals("no executor for MERGE", row.outcome());
    assertEquals(ActionCode.NO_EXECUTOR, row.code());
  }

  @Test
  void a_refused_proposal_touches_nothing() {
    ProposalItem vetoed = Given.vetoed(HELLO, "AUTH-001", "on hold");
    ActionRow row = cycle(new Executor(List.of(target), journal, Mode.LIVE), vetoed).get(0);
    assertEquals(ActionStatus.REFUSED, row.status());
    assertEquals(ActionCode.VETO, row.code());
    assertEquals(List.of(), target.calls());
  }

  @Test
  void the_same_key_twice_in_one_cycle_is_acted_on_once() {
    List<ActionRow> rows = cycle(new Executor(List.of(target), journal, Mode.LIVE), HELLO, HELLO);
    assertEquals(List.of(ActionStatus.DONE, ActionStatus.SKIPPED_ALREADY_DONE), statuses(rows));
    assertEquals(ActionCode.DUPLICATE, rows.get(1).code());
    assertEquals(1, target.performed().size());
  }

  @Test
  void two_targets_for_one_kind_are_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Executor(
        List.of(new RecordingTarget(EnumSet.of(ActionKind.COMMENT)), RecordingTarget.forAll()), journal, Mode.LIVE));
    assertEquals("two targets for COMMENT: RecordingTarget and RecordingTarget", e.getMessage());
  }

  @Test
  void a_stop_after_acting_but_before_the_outcome_is_recovered_as_done_and_never_repeated() {
    long crashed = journal.beginCycle("test", Mode.LIVE, "r");
    journal.intend(crashed, HELLO, Mode.LIVE);
    target.present(HELLO.id()); // the comment reached Gitea, then Timmy died

    Journal restarted = Journal.open(journal.file(), clock);
    Executor executor = new Executor(List.of(target), restarted, Mode.LIVE);
    List<ActionRow> recovered = executor.recover();
    assertEquals(List.of(ActionStatus.DONE), statuses(recovered));
    assertEquals(ActionCode.RECOVERED, recovered.get(0).code());
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(cycle(restarted, executor, BudgetConfig.defaults(), HELLO)));
    assertEquals(List.of(), target.performed());
    assertEquals(List.of(), restarted.pendingActions());
  }

  @Test
  void a_stop_before_acting_is_marked_interrupted_and_the_action_happens_exactly_once_later() {
    long crashed = journal.beginCycle("test", Mode.LIVE, "r");
    journal.intend(crashed, HELLO, Mode.LIVE);

    Journal restarted = Journal.open(journal.file(), clock);
    Executor executor = new Executor(List.of(target), restarted, Mode.LIVE);
    ActionRow recovered = executor.recover().get(0);
    assertEquals(ActionStatus.INTERRUPTED, recovered.status());
    assertTrue(recovered.outcome().contains("effect absent on re-check"), recovered.outcome());
    assertEquals(List.of(ActionStatus.DONE), statuses(cycle(restarted, executor, BudgetConfig.defaults(), HELLO)));
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(cycle(restarted, executor, BudgetConfig.defaults(), HELLO)));
    assertEquals(List.of(HELLO.id()), target.performed());
  }

  @Test
  void a_lost_journal_is_covered_by_the_live_check() {
    cycle(new Executor(List.of(target), journal, Mode.LIVE), HELLO);
    Journal fresh = Journal.open(dir.resolve("lost/timmy.db"), clock);
    List<ActionRow> rows = cycle(fresh, new Executor(List.of(target), fresh, Mode.LIVE), BudgetConfig.defaults(), HELLO);
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(rows));
    assertEquals(ActionCode.LIVE_STATE, rows.get(0).code());
    assertEquals(1, target.performed().size());
  }

  @Test
  void after_n_write_errors_the_rest_of_the_cycle_is_refused_and_a_later_success_closes_the_breaker() {
    target.failingAll("connection refused");
    BudgetConfig budgets = new BudgetConfig(20, 3, 2, 30);
    Executor live = new Executor(List.of(target), journal, Mode.LIVE);
    ProposalItem[] four = List.of("a", "b", "c", "d").stream()
        .map(l -> Given.proposal(ActionKind.ADD_LABEL, SUBJECT, Map.of("label", l))).toArray(ProposalItem[]::new);
    List<ActionRow> rows = cycle(journal, live, budgets, four);
    assertEquals(List.of(ActionStatus.FAILED, ActionStatus.FAILED, ActionStatus.REFUSED, ActionStatus.REFUSED), statuses(rows));
    assertEquals(ActionCode.CIRCUIT_BREAKER, rows.get(3).code());
    assertEquals(2, target.performed().size());

    target.recover();
    assertEquals(ActionStatus.REFUSED, cycle(journal, live, budgets, four[0]).get(0).status(), "open during the cool-down");
    clock.advance(Duration.ofMinutes(31));
    assertEquals(List.of(ActionStatus.DONE, ActionStatus.DONE, ActionStatus.DONE, ActionStatus.DONE),
        statuses(cycle(journal, live, budgets, four)));
  }

  @Test
  void a_refusal_met_when_acting_is_journaled_refused_with_its_reason_and_tried_again_next_cycle() {
    target.refusingWhenActing(HELLO.id(), "not merging alex/app#2: its head moved from aaa to bbb");
    Executor live = new Executor(List.of(target), journal, Mode.LIVE);
    ActionRow row = cycle(live, HELLO).get(0);
    assertEquals(ActionStatus.REFUSED, row.status());
    assertEquals(ActionCode.TARGET_LIVE, row.code());
    assertEquals("not merging alex/app#2: its head moved from aaa to bbb", row.outcome());
    assertFalse(target.isPresent(HELLO.id()));
    assertEquals(ActionStatus.REFUSED, cycle(live, HELLO).get(0).status(), "a refusal is not done: the live check runs again");
    assertEquals(List.of(HELLO.id(), HELLO.id()), target.performed());
  }

  @Test
  void a_bug_in_a_target_is_logged_once_with_its_stack_and_cycle_named_by_class_and_the_cycle_goes_on() {
    ProposalItem broken = Given.comment(SUBJECT, "broken");
    target.breaking(broken.id(), "index 3 out of bounds for length 3");
    List<ActionRow> rows;
    try (LogCapture log = LogCapture.of(Executor.class); MDC.MDCCloseable tagged = MDC.putCloseable("cycle", "41")) {
      rows = cycle(new Executor(List.of(target), journal, Mode.LIVE), broken, HELLO);
      assertEquals(1, log.errors().size(), log.events().toString());
      ILoggingEvent bug = log.errors().get(0);
      assertEquals(IllegalStateException.class.getName(), bug.getThrowableProxy().getClassName());
      assertTrue(bug.getThrowableProxy().getStackTraceElementProxyArray().length > 0, "the stack is kept");
      assertEquals("41", bug.getMDCPropertyMap().get("cycle"));
    }
    assertEquals(List.of(ActionStatus.FAILED, ActionStatus.DONE), statuses(rows));
    assertEquals(ActionCode.BUG, rows.get(0).code());
    assertEquals("bug: IllegalStateException in RecordingTarget (COMMENT alex/app#2): index 3 out of bounds for length 3",
        rows.get(0).outcome());
  }

  @Test
  void a_write_that_fails_in_the_world_is_a_failure_without_a_stack_or_a_bug_code() {
    target.failing(HELLO.id(), "gitea.local: connection reset");
    try (LogCapture log = LogCapture.of(Executor.class)) {
      ActionRow row = cycle(new Executor(List.of(target), journal, Mode.LIVE), HELLO).get(0);
      assertEquals(ActionStatus.FAILED, row.status());
      assertEquals(null, row.code());
      assertEquals("IOException: gitea.local: connection reset", row.outcome());
      assertEquals(List.of(), log.errors(), "a failure of the world is no bug");
    }
  }

  @Test
  void a_bug_while_reading_the_live_state_in_a_dry_run_is_named_in_the_would_do() {
    target.breakingReads("index 7 out of bounds");
    try (LogCapture log = LogCapture.of(Executor.class)) {
      ActionRow row = cycle(new Executor(List.of(target), journal, Mode.DRY_RUN), HELLO).get(0);
      assertEquals(ActionStatus.WOULD_DO, row.status());
      assertTrue(row.outcome().endsWith("(the live state could not be read: bug: IllegalStateException in RecordingTarget"
          + " (COMMENT alex/app#2): index 7 out of bounds)"), row.outcome());
      assertEquals(1, log.errors().size());
    }
  }

  @Test
  void the_circuit_breaker_counts_failures_and_never_refusals() {
    BudgetConfig budgets = new BudgetConfig(20, 3, 2, 30);
    ProposalItem[] labels = List.of("a", "b", "c", "d", "e", "f").stream()
        .map(l -> Given.proposal(ActionKind.ADD_LABEL, SUBJECT, Map.of("label", l))).toArray(ProposalItem[]::new);
    for (int i = 0; i < 3; i++) target.refusingWhenActing(labels[i].id(), "label does not exist");
    target.failing(labels[3].id(), "HTTP 502").failing(labels[4].id(), "HTTP 502");
    Executor live = new Executor(List.of(target), journal, Mode.LIVE);

    List<ActionRow> rows = cycle(journal, live, budgets, labels);

    assertEquals(List.of(ActionStatus.REFUSED, ActionStatus.REFUSED, ActionStatus.REFUSED, ActionStatus.FAILED,
        ActionStatus.FAILED, ActionStatus.REFUSED), statuses(rows));
    assertEquals(ActionCode.CIRCUIT_BREAKER, rows.get(5).code());
    assertTrue(rows.get(5).outcome().startsWith("circuit breaker of recording open: 2 write errors in a row"), rows.get(5).outcome());
    assertEquals(5, target.performed().size(), "three refusals in a row did not open the breaker");
    assertEquals(2, journal.reader().failureStreak(10).failures());
  }

  /** A cycle that ends OK on a complete snapshot: what separates two occurrences of a problem. */
  private List<ActionRow> finishedCycle(Executor executor, ProposalItem... proposals) {
    long id = journal.beginCycle("test", executor.mode(), "r");
    journal.observed(id, world);
    List<ActionRow> rows = executor.execute(id, List.of(proposals), authority(journal, BudgetConfig.defaults()).open(world,
        executor.mode())).actions();
    journal.finishCycle(id, CycleStatus.OK, null, CycleCounts.none());
    return rows;
  }

  @Test
  void an_action_someone_undid_is_done_again_because_done_is_read_from_the_world() {
    ProposalItem assign = Given.proposal(ActionKind.ASSIGN, SUBJECT, Map.of("login", "kimi-code"));
    Executor live = new Executor(List.of(target), journal, Mode.LIVE);
    assertEquals(List.of(ActionStatus.DONE), statuses(cycle(live, assign)));
    target.undo(assign.id()); // someone unassigned the agent
    assertEquals(List.of(ActionStatus.DONE), statuses(cycle(live, assign)));
    assertTrue(target.isPresent(assign.id()), "assigned again");
    assertEquals(List.of(assign.id(), assign.id()), target.performed());
  }

  @Test
  void an_action_undone_twice_is_not_redone_and_alex_is_told_once() {
    ProposalItem assign = Given.proposal(ActionKind.ASSIGN, SUBJECT, Map.of("login", "kimi-code"));
    Executor live = new Executor(List.of(target), journal, Mode.LIVE);
    cycle(live, assign);
    target.undo(assign.id());
    cycle(live, assign);
    target.undo(assign.id()); // the same person, again: Timmy would be fighting

    List<ActionRow> third = cycle(live, assign);
    assertEquals(List.of(ActionStatus.REFUSED, ActionStatus.DONE), statuses(third));
    assertEquals(ActionCode.UNDONE_TWICE, third.get(0).code());
    assertEquals(ActionKind.ESCALATE, third.get(1).kind());
    assertEquals(SUBJECT, third.get(1).subject());
    assertFalse(target.isPresent(assign.id()), "not assigned a third time");

    List<ActionRow> fourth = cycle(live, assign);
    assertEquals(List.of(ActionStatus.REFUSED, ActionStatus.SKIPPED_ALREADY_DONE), statuses(fourth));
    assertEquals(ActionCode.LIVE_STATE, fourth.get(1).code(), "told once: the escalation's marker is found in the world");
    assertEquals(List.of(assign.id(), assign.id(), third.get(1).key()), target.performed());
  }

  @Test
  void the_escalation_of_an_undone_action_says_what_was_undone_and_which_rule_wanted_it() {
    ProposalItem label = Given.proposal(ActionKind.ADD_LABEL, SUBJECT, Map.of("label", "kimi-ready"));
    ProposalItem told = Executor.undoneTwice(label);
    assertEquals(ActionKind.ESCALATE, told.kind());
    assertTrue(told.param("body").contains("ADD_LABEL alex/app#2 (label=kimi-ready) twice and someone undid it"), told.param("body"));
    assertTrue(told.param("body").contains("rule T-001"), told.param("body"));
    assertEquals(told.id(), Executor.undoneTwice(label).id(), "the same key every cycle");
  }

  @Test
  void a_recurring_problem_is_escalated_again_and_a_lasting_one_once() {
    ProposalItem escalate = Given.proposal(ActionKind.ESCALATE, "loop:heartbeat", Map.of("rule", "LOOP-004", "body", "down"));
    Executor live = new Executor(List.of(target), journal, Mode.LIVE);
    assertEquals(List.of(ActionStatus.DONE), statuses(finishedCycle(live, escalate)));
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(finishedCycle(live, escalate)), "still the same problem");
    long failed = journal.beginCycle("test", Mode.LIVE, "r");
    journal.finishCycle(failed, CycleStatus.FAILED, "observe: Gitea down", CycleCounts.none());
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(finishedCycle(live, escalate)),
        "a failed cycle between two sightings does not end the problem");
    finishedCycle(live); // the loop is healthy again: the problem is gone
    List<ActionRow> back = finishedCycle(live, escalate);
    assertEquals(List.of(ActionStatus.DONE), statuses(back), "it came back: Alex is told again");
    assertEquals(escalate.id() + ":occurrence=2", back.get(0).key());
    assertEquals(List.of(escalate.id(), escalate.id() + ":occurrence=2"), target.performed());
  }

  @Test
  void restarts_and_house_actions_are_not_counted_as_undone() {
    ProposalItem restart = Given.proposal(ActionKind.RESTART_LOOP, "loop:heartbeat", Map.of("loop", "heartbeat"));
    Executor live = new Executor(List.of(target), journal, Mode.LIVE);
    for (int i = 0; i < 3; i++) {
      assertEquals(List.of(ActionStatus.DONE), statuses(cycle(live, restart)));
      target.undo(restart.id());
    }
  }
}
