package dev.timmy.act.house;

import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.HouseConfig.LoopSpec;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.LoopKind;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import dev.timmy.host.RestartLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartLedgerSeederTest {
  static final Duration WINDOW = Duration.ofHours(6);
  @TempDir Path dir;
  Given.Clock clock;
  Journal journal;

  @BeforeEach
  void open() {
    clock = new Given.Clock(NOW.minus(Duration.ofHours(8)));
    journal = Journal.open(dir.resolve("timmy.db"), clock);
  }

  static ProposalItem restart(String loop) {
    return Given.proposal(ActionKind.RESTART_LOOP, "loop:" + loop, Map.of("loop", loop));
  }

  /** Journals {@code status} for a restart of {@code loop} at {@code at}. */
  void journaled(String loop, Instant at, Mode mode, ActionStatus status) {
    clock.advance(Duration.between(clock.instant(), at));
    long cycle = journal.beginCycle("test", mode, "r");
    journal.record(cycle, restart(loop), mode, status, null, "outcome");
  }

  @Test
  void the_done_and_failed_restarts_of_the_window_are_seeded_and_nothing_else() {
    journaled("hb", NOW.minus(Duration.ofHours(7)), Mode.LIVE, ActionStatus.DONE); // before the window
    journaled("hb", NOW.minus(Duration.ofHours(3)), Mode.LIVE, ActionStatus.DONE);
    journaled("hb", NOW.minus(Duration.ofHours(2)), Mode.LIVE, ActionStatus.FAILED);
    journaled("hb", NOW.minus(Duration.ofMinutes(90)), Mode.DRY_RUN, ActionStatus.WOULD_DO);
    journaled("hb", NOW.minus(Duration.ofMinutes(20)), Mode.LIVE, ActionStatus.DONE);
    journaled("cron-backup", NOW.minus(Duration.ofHours(1)), Mode.LIVE, ActionStatus.DONE);
    journal.record(journal.beginCycle("test", Mode.LIVE, "r"), Given.comment("alex/app#1", "hi"), Mode.LIVE,
        ActionStatus.DONE, null, "commented");
    RestartLedger ledger = new RestartLedger(WINDOW);

    assertEquals(4, RestartLedgerSeeder.seed(ledger, journal.reader(), WINDOW, NOW));

    assertEquals(3, ledger.recent("hb", NOW), "the failed restart counts too");
    assertEquals(1, ledger.recent("cron-backup", NOW));
    assertEquals(NOW.minus(Duration.ofMinutes(20)), ledger.last("hb").orElseThrow());
    assertEquals(0, RestartLedgerSeeder.seed(ledger, journal.reader(), WINDOW, NOW), "seeding twice adds nothing");
    assertEquals(3, ledger.recent("hb", NOW));
  }

  @Test
  void a_seeded_ledger_keeps_the_loop_target_from_restarting_again_within_a_period_after_timmy_restarts() throws Exception {
    journaled("hb", NOW.minus(Duration.ofMinutes(2)), Mode.LIVE, ActionStatus.DONE);
    LoopSpec hb = new LoopSpec("hb", LoopKind.HEARTBEAT, 300, "/tmp/hb", null, null, null, null, List.of("/bin/true"), null);
    RestartLedger fresh = new RestartLedger(WINDOW);
    LoopTarget target = new LoopTarget(List.of(hb), Duration.ofSeconds(5), fresh, Clock.fixed(NOW, ZoneOffset.UTC));
    assertFalse(target.alreadyDone(restart("hb")), "an empty ledger forgets the restart of two minutes ago");

    RestartLedgerSeeder.seed(fresh, journal.reader(), WINDOW, NOW);
    assertTrue(target.alreadyDone(restart("hb")));
  }
}
