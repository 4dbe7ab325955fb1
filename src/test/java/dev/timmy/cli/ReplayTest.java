package dev.timmy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.CycleCounts;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import dev.timmy.derive.Derive;
import dev.timmy.journal.Replay;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay --cycle N} and {@code explain --cycle N}: a journaled cycle decided again from its stored snapshot. */
class ReplayTest {
  @TempDir static Path dir;
  private static Path file;
  private static Snapshot demo;
  private static long cycle;

  @BeforeAll
  static void journal_two_cycles_of_the_demo_house() throws Exception {
    demo = DemoHouse.load(Path.of("fixtures/demo"));
    file = dir.resolve("timmy.db");
    Journal j = Journal.open(file, InstantSource.fixed(demo.takenAt()));
    RuleBook rules = RuleBook.open(Path.of("rules"));
    for (Snapshot s : new Snapshot[] {demo, demo.at(demo.takenAt().plus(Duration.ofDays(3)))}) {
      long id = j.beginCycle("test", Mode.DRY_RUN, rules.revision());
      j.observed(id, s);
      Decision d = rules.evaluate(Derive.from(s)); // as a cycle does: the journal keeps what was observed
      j.decided(id, d);
      j.finishCycle(id, CycleStatus.OK, null, CycleCounts.none());
      if (cycle == 0) cycle = id;
    }
  }

  @Test
  void a_journaled_cycle_replayed_with_its_rules_decides_the_same() throws Exception {
    Replay r = Replay.of(Journal.open(file).reader(), RuleBook.open(Path.of("rules")), cycle);
    assertTrue(r.sameRules());
    assertEquals(Derive.from(demo), r.snapshot());
    assertEquals(r.journaled().priorities(), r.replayed().priorities());
    assertEquals(r.journaled().routes(), r.replayed().routes());
    assertEquals(r.journaled().proposals(), r.replayed().proposals());
    assertEquals(r.journaled().checks(), r.replayed().checks());
    assertEquals(r.journaled().escalations(), r.replayed().escalations());
    assertTrue(r.diff().empty());
    assertTrue(r.equal());

    CliTest.Run run = CliTest.run("replay", "--cycle", String.valueOf(cycle), "--journal", file.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("The same rules decide the same"), run.out());
    JsonNode json = Json.mapper().readTree(CliTest.run("replay", "--cycle", String.valueOf(cycle), "--journal",
        file.toString(), "--json").out());
    assertTrue(json.get("equal").asBoolean());
    assertEquals(demo.takenAt().toString(), json.get("replayed").get("snapshot").get("takenAt").asText());
  }

  @Test
  void explain_of_a_journaled_cycle_answers_as_that_cycle_did_not_as_now() {
    String subject = demo.issues().get(0).subject();
    CliTest.Run then = CliTest.run("explain", subject, "--cycle", String.valueOf(cycle), "--journal", file.toString());
    assertEquals(0, then.code(), then.err());
    assertEquals(CliTest.run("explain", subject, "--now", demo.takenAt().toString()).out(), then.out());
    CliTest.Run later = CliTest.run("explain", subject, "--cycle", String.valueOf(cycle + 1), "--journal", file.toString());
    assertEquals(CliTest.run("explain", subject, "--now", demo.takenAt().plus(Duration.ofDays(3)).toString()).out(), later.out());
    assertFalse(then.out().equals(later.out()), "three days apart the explanations differ, so the cycle was honoured");
  }

  @Test
  void other_rules_say_the_replay_is_not_one_and_show_what_they_would_change() throws Exception {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) Files.copy(f, rules.resolve(f.getFileName()));
    }
    Path priority = rules.resolve("priority.drl");
    Files.writeString(priority, Files.readString(priority).replace("int points = 50;", "int points = 5;"));
    CliTest.Run run = CliTest.run("replay", "--cycle", String.valueOf(cycle), "--journal", file.toString(), "--rules", rules.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("Not a replay: cycle " + cycle + " was decided by rules"), run.out());
    assertTrue(run.out().contains("Priorities moved"), run.out());
    CliTest.Run explain = CliTest.run("explain", demo.issues().get(0).subject(), "--cycle", String.valueOf(cycle),
        "--journal", file.toString(), "--rules", rules.toString());
    assertTrue(explain.err().contains("explaining the journaled decision"), explain.err());
    assertFalse(explain.out().lines().filter(l -> l.contains("priority")).toList().isEmpty(), explain.out());
    assertEquals(CliTest.run("explain", demo.issues().get(0).subject(), "--now", demo.takenAt().toString()).out()
        .lines().filter(l -> l.contains("priority")).toList(),
        explain.out().lines().filter(l -> l.contains("priority")).toList());
  }

  @Test
  void an_unknown_cycle_or_a_missing_journal_is_refused_with_why() {
    CliTest.Run none = CliTest.run("replay", "--cycle", "99", "--journal", file.toString());
    assertEquals(1, none.code());
    assertTrue(none.err().contains("the journal has no cycle 99 (its last is " + (cycle + 1) + ")"), none.err());
    CliTest.Run missing = CliTest.run("replay", "--cycle", "1", "--journal", dir.resolve("nope.db").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("found no file at"), missing.err());
    assertFalse(Files.exists(dir.resolve("nope.db")), "a missing journal is not created");
  }
}
