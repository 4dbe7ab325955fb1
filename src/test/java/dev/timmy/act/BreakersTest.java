package dev.timmy.act;

import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.timmy.act.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One breaker per target: a failing restart command stops restarts, never a Gitea write. */
class BreakersTest {
  private static final BudgetConfig BUDGETS = new BudgetConfig(20, 3, 2, 30);
  private static final ProposalItem LABEL = Given.proposal(ActionKind.ADD_LABEL, "alex/app#2", Map.of("label", "kimi-ready"));

  @TempDir Path dir;
  private Given.Clock clock;
  private Journal journal;
  private final RecordingTarget loops = new RecordingTarget(EnumSet.of(ActionKind.RESTART_LOOP));
  private final RecordingTarget gitea = new RecordingTarget(EnumSet.complementOf(EnumSet.of(ActionKind.RESTART_LOOP)));
  private final Snapshot world = Given.snapshot(List.of(Given.issue("alex/app", 2, "bug")), List.of());

  @BeforeEach
  void open() {
    clock = new Given.Clock(NOW);
    journal = Journal.open(dir.resolve("timmy.db"), clock);
  }

  private Authority authority() {
    return new Authority(new OwnerConfig("alex", List.of("on-hold"), null), BUDGETS, journal.reader(), clock);
  }

  private List<ActionRow> cycle(Mode mode, ProposalItem... proposals) {
    long id = journal.beginCycle("test", mode, "r");
    return new Executor(List.of(loops, gitea), journal, mode).execute(id, List.of(proposals), authority().open(world, mode)).actions();
  }

  private static ProposalItem restart(String loop) {
    return Given.proposal(ActionKind.RESTART_LOOP, "loop:" + loop, Map.of("loop", loop));
  }

  private static List<ActionStatus> statuses(List<ActionRow> rows) {
    return rows.stream().map(ActionRow::status).toList();
  }

  @Test
  void a_failing_restart_command_opens_the_breaker_of_loops_and_gitea_writes_still_go_through() {
    loops.failingAll("restart of heartbeat: [/bin/launchctl, kickstart] exited 1");
    List<ActionRow> rows = cycle(Mode.LIVE, restart("a"), restart("b"), restart("c"), LABEL);
    assertEquals(List.of(ActionStatus.FAILED, ActionStatus.FAILED, ActionStatus.REFUSED, ActionStatus.DONE), statuses(rows));
    assertEquals(ActionCode.CIRCUIT_BREAKER, rows.get(2).code());
    assertTrue(rows.get(2).outcome().contains("other targets are not affected"), rows.get(2).outcome());
    Breakers.Breaker loop = authority().breakers().of(loops);
    assertTrue(loop.open());
    assertEquals(2, loop.failures());
    assertEquals(NOW.plus(Duration.ofMinutes(30)), loop.resumesAt());
    assertFalse(authority().breakers().of(gitea).open(), "Gitea's breaker knows nothing of the loops' failures");
  }

  @Test
  void a_breaker_stays_open_across_cycles_until_its_cool_down_and_a_success_closes_it() {
    loops.failingAll("exit 1");
    cycle(Mode.LIVE, restart("a"), restart("b"));
    clock.advance(Duration.ofMinutes(10));
    assertEquals(ActionCode.CIRCUIT_BREAKER, cycle(Mode.LIVE, restart("c")).get(0).code(), "still open, read from the journal");
    assertEquals(ActionStatus.WOULD_DO, cycle(Mode.DRY_RUN, restart("c")).get(0).status(), "dry-run writes nothing");
    clock.advance(Duration.ofMinutes(21));
    loops.recover();
    assertEquals(ActionStatus.DONE, cycle(Mode.LIVE, restart("c")).get(0).status(), "let through after the cool-down");
    Breakers.Breaker closed = authority().breakers().of(loops);
    assertFalse(closed.open());
    assertEquals(0, closed.failures(), "a success ends the streak");
  }

  @Test
  void each_breaker_is_named_after_its_target() {
    assertEquals("recording", Breakers.name(loops));
    assertEquals(List.of("recording", "recording"), authority().breakers().of(List.of(loops, gitea)).stream()
        .map(Breakers.Breaker::target).toList());
  }
}
