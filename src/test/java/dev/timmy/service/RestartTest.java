package dev.timmy.service;

import dev.timmy.act.ActionCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.RecordingTarget;
import dev.timmy.api.Harness;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.Decision;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RuleBook;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import dev.timmy.derive.Derive;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killed mid-cycle, started again: the journal a kill leaves behind (a cycle RUNNING, an action
 * INTENDED between intent and outcome) is recovered at start, and the action is not repeated.
 */
class RestartTest {
  static ProposalItem top;

  @BeforeAll
  static void theTopProposal() throws Exception {
    Decision d = RuleBook.open(Path.of("rules")).evaluate(Derive.from(DemoHouse.load(Path.of("fixtures/demo"))));
    String first = d.priorities().get(0).subject();
    top = d.proposalsOf(first).stream().filter(p -> p.kind() == ActionKind.ADD_LABEL && !p.vetoed()).findFirst().orElseThrow();
  }

  /** What a kill between intent and outcome leaves: returns the id of the interrupted cycle. */
  private static long killedMidCycle(Path db) {
    Journal j = Journal.open(db);
    long id = j.beginCycle("schedule", Mode.LIVE, "before-the-kill");
    j.intend(id, top, Mode.LIVE);
    return id;
  }

  @Test
  void an_action_whose_effect_is_found_is_recorded_done_and_not_repeated(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("timmy.db");
    long killed = killedMidCycle(db);
    RecordingTarget world = RecordingTarget.forAll().present(top.id());
    try (Harness h = Harness.start(Harness.demoConfig(db, Path.of("rules")), Harness.secrets(),
        ServeOptions.defaults().targets(List.of(world)))) {
      var reader = h.service.journal().reader();
      CycleRow old = reader.cycle(killed).orElseThrow().cycle();
      assertEquals(CycleStatus.FAILED, old.status());
      assertEquals("interrupted: Timmy stopped during this cycle", old.error());
      ActionRow recovered = reader.actions(killed).get(0);
      assertEquals(ActionStatus.DONE, recovered.status());
      assertEquals(ActionCode.RECOVERED, recovered.code());

      long next = h.service.latest().decided().orElseThrow().cycle().id();
      ActionRow again = action(reader.actions(next), top.id());
      assertEquals(ActionStatus.SKIPPED_ALREADY_DONE, again.status(), "the effect is in the world, dry-run or not");
      assertEquals(ActionCode.LIVE_STATE, again.code());
      assertEquals(List.of(), world.performed());
      assertEquals(2, world.calls().stream().filter(c -> c.method().equals("alreadyDone") && c.key().equals(top.id())).count(),
          "once to recover, once before the next cycle would act: " + world.calls());
    }
  }

  @Test
  void an_action_whose_effect_is_absent_is_interrupted_and_proposed_again(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("timmy.db");
    long killed = killedMidCycle(db);
    RecordingTarget world = RecordingTarget.forAll();
    try (Harness h = Harness.start(Harness.demoConfig(db, Path.of("rules")), Harness.secrets(),
        ServeOptions.defaults().targets(List.of(world)))) {
      var reader = h.service.journal().reader();
      assertEquals(ActionStatus.INTERRUPTED, reader.actions(killed).get(0).status());
      long next = h.service.latest().decided().orElseThrow().cycle().id();
      assertEquals(ActionStatus.WOULD_DO, action(reader.actions(next), top.id()).status());
      assertEquals(List.of(), world.performed(), "dry-run performs nothing");
    }
  }

  private static ActionRow action(List<ActionRow> rows, String key) {
    return rows.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " in " + rows));
  }
}
