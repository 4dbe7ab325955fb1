package dev.timmy.act;

import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.BudgetConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.journal.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    return executor.execute(id, List.of(proposals), authority(j, budgets).open(world, executor.mode()));
  }

  private List<ActionRow> cycle(Executor executor, ProposalItem... proposals) {
    return cycle(journal, executor, BudgetConfig.defaults(), proposals);
  }

  private static List<ActionStatus> statuses(List<ActionRow> rows) {
    return rows.stream().map(ActionRow::status).toList();
  }

  @Test
  void dry_run_records_would_do_and_never_reads_or_writes_live_state() {
    List<ActionRow> rows = cycle(new Executor(List.of(target), journal, Mode.DRY_RUN), HELLO);
    assertEquals(List.of(ActionStatus.WOULD_DO), statuses(rows));
    assertEquals("would COMMENT alex/app#2 (topic=hello): \"Hello about hello\"", rows.get(0).outcome());
    assertEquals(List.of(new RecordingTarget.Call("refusal", HELLO.id())), target.calls());
    assertEquals(Mode.DRY_RUN, rows.get(0).mode());
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
    assertEquals("journal", second.get(0).code());
    assertEquals(List.of(HELLO.id()), target.performed());
  }

  @Test
  void live_skips_an_effect_already_present_without_performing() {
    target.present(HELLO.id());
    List<ActionRow> rows = cycle(new Executor(List.of(target), journal, Mode.LIVE), HELLO);
    assertEquals(List.of(ActionStatus.SKIPPED_ALREADY_DONE), statuses(rows));
    assertEquals("live-state", rows.get(0).code());
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
    assertEquals("no-executor", row.code());
  }

  @Test
  void a_refused_proposal_touches_nothing() {
    ProposalItem vetoed = Given.vetoed(HELLO, "AUTH-001", "on hold");
    ActionRow row = cycle(new Executor(List.of(target), journal, Mode.LIVE), vetoed).get(0);
    assertEquals(ActionStatus.REFUSED, row.status());
    assertEquals("veto", row.code());
    assertEquals(List.of(), target.calls());
  }

  @Test
  void the_same_key_twice_in_one_cycle_is_acted_on_once() {
    List<ActionRow> rows = cycle(new Executor(List.of(target), journal, Mode.LIVE), HELLO, HELLO);
    assertEquals(List.of(ActionStatus.DONE, ActionStatus.SKIPPED_ALREADY_DONE), statuses(rows));
    assertEquals("duplicate", rows.get(1).code());
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
    assertEquals("recovered", recovered.get(0).code());
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
    assertEquals("live-state", rows.get(0).code());
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
    assertEquals("circuit-breaker", rows.get(3).code());
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
    assertEquals(Executor.REFUSED_LIVE, row.code());
    assertEquals("not merging alex/app#2: its head moved from aaa to bbb", row.outcome());
    assertFalse(target.isPresent(HELLO.id()));
    assertEquals(ActionStatus.REFUSED, cycle(live, HELLO).get(0).status(), "a refusal is not done: the live check runs again");
    assertEquals(List.of(HELLO.id(), HELLO.id()), target.performed());
  }

  @Test
  void any_other_exception_from_a_target_is_a_failure_and_the_cycle_goes_on() {
    ProposalItem broken = Given.comment(SUBJECT, "broken");
    target.breaking(broken.id(), "index 3 out of bounds for length 3");
    List<ActionRow> rows = cycle(new Executor(List.of(target), journal, Mode.LIVE), broken, HELLO);
    assertEquals(List.of(ActionStatus.FAILED, ActionStatus.DONE), statuses(rows));
    assertEquals("IllegalStateException: index 3 out of bounds for length 3", rows.get(0).outcome());
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
    assertEquals("circuit-breaker", rows.get(5).code());
    assertTrue(rows.get(5).outcome().startsWith("circuit breaker open: 2 write errors in a row"), rows.get(5).outcome());
    assertEquals(5, target.performed().size(), "three refusals in a row did not open the breaker");
    assertEquals(2, journal.reader().failureStreak(10).failures());
  }
}
