package dev.timmy.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.Authority;
import dev.timmy.act.Executor;
import dev.timmy.act.Mode;
import dev.timmy.act.RecordingTarget;
import dev.timmy.config.BudgetConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.derive.Derive;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.journal.Replay;
import dev.timmy.journal.SnapshotDigest;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** observe → derive → decide in {@code Cycle.run}: the rules see the derived snapshot, the journal keeps the observed one. */
class CycleDerivesTest {
  private static RuleBook rules;
  private static Snapshot observed;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    rules = RuleBook.open(Path.of("rules"));
    observed = DemoHouse.load(Path.of("fixtures/demo"));
  }

  /** Runs one dry-run cycle of the demo house as observed (nothing derived); returns what the cycle's listener heard. */
  private CycleOutcome cycle(Journal journal) {
    Given.Clock clock = new Given.Clock(observed.takenAt());
    Authority authority = new Authority(new OwnerConfig("alex", List.of("on-hold"), null), BudgetConfig.defaults(),
        journal.reader(), clock);
    List<CycleOutcome> heard = new ArrayList<>();
    Cycle cycle = new Cycle(() -> observed, rules, authority,
        new Executor(List.of(RecordingTarget.forAll()), journal, Mode.DRY_RUN), journal, Duration.ofDays(30), heard::add);
    CycleRow row = cycle.run("test");
    assertEquals(CycleStatus.OK, row.status(), row.error());
    return heard.get(0);
  }

  @Test
  void the_cycle_derives_the_observed_snapshot_before_deciding_and_journals_what_was_observed() {
    assertTrue(observed.loads().isEmpty() && observed.work().isEmpty(), "the demo house as observed carries nothing derived");
    Snapshot derived = Derive.from(observed);
    Decision undecided = rules.evaluate(observed);
    Decision expected = rules.evaluate(derived);
    assertNotEquals(undecided.checks(), expected.checks(), "without the derive stage the rules would decide otherwise");

    Journal journal = Journal.open(dir.resolve("timmy.db"), new Given.Clock(observed.takenAt()));
    CycleOutcome outcome = cycle(journal);
    assertEquals(derived, outcome.snapshot(), "the rules and the listeners saw the derived snapshot");
    assertEquals(expected.checks(), outcome.decision().checks());
    assertEquals(expected.routes(), outcome.decision().routes());
    assertEquals(expected.proposals(), outcome.decision().proposals());
    assertEquals(SnapshotDigest.of(observed), outcome.row().snapshotDigest(), "the journal keeps the observed snapshot");
    assertEquals(observed, journal.reader().snapshot(outcome.row().id()).orElseThrow());
  }

  @Test
  void a_replayed_cycle_derives_its_journaled_snapshot_the_same_way_and_decides_the_same() {
    Journal journal = Journal.open(dir.resolve("timmy.db"), new Given.Clock(observed.takenAt()));
    CycleOutcome outcome = cycle(journal);
    Replay r = Replay.of(journal.reader(), rules, outcome.row().id());
    assertEquals(outcome.snapshot(), r.snapshot(), "derived again from the observed snapshot, to the same facts");
    assertFalse(r.snapshot().loads().isEmpty());
    assertTrue(r.sameRules());
    assertTrue(r.equal(), r.diff().toString());
    assertTrue(r.diff().empty());
    assertEquals(outcome.decision().priorities(), r.replayed().priorities());
  }
}
