package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.timmy.decide.SameDecision.assertSame;

import dev.timmy.bench.BacklogChanges;
import dev.timmy.bench.SyntheticHouse;
import dev.timmy.derive.Derive;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.Given;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session that lives across cycles decides exactly what a fresh evaluation of the same
 * snapshot decides (the whole decision as JSON, firings aside: those count a cycle's work), and
 * a decision's words stay those of its own snapshot whatever the session hears later.
 */
class LiveSessionTest {
  private static final Path RULES = Path.of("rules");

  @Test
  void a_live_session_decides_the_demo_house_as_a_fresh_evaluation_does_after_every_change() throws Exception {
    RuleBook book = RuleBook.open(RULES);
    assertEquals(Optional.empty(), book.afresh(), "the real rules insert only logically: they may live across cycles");
    Snapshot demo = Derive.from(DemoHouse.load(Path.of("fixtures/demo")));
    assertSame(book.evaluate(demo), book.decide(demo), "the first cycle");
    Random rnd = new Random(7);
    Snapshot s = demo;
    for (int step = 1; step <= 6; step++) {
      s = BacklogChanges.apply(s, 0.1, rnd).snapshot();
      if (step % 2 == 0) s = Derive.from(s.at(s.takenAt().plus(Duration.ofHours(20))));
      assertSame(book.evaluate(s), book.decide(s), "demo step " + step);
    }
    assertSame(book.evaluate(demo), book.decide(demo), "back to the recorded demo house");
  }

  @Test
  void a_live_session_decides_seeded_random_change_sequences_as_a_fresh_evaluation_does() throws Exception {
    RuleBook book = RuleBook.open(RULES);
    long[] seeds = {1, 2, 3, Long.getLong("timmy.seed", System.nanoTime())};
    for (long seed : seeds) {
      System.out.println("LiveSessionTest seed " + seed + " (rerun with -Dtimmy.seed=" + seed + ")");
      Random rnd = new Random(seed);
      book.restart();
      Snapshot s = SyntheticHouse.generate(300 + rnd.nextInt(200), 6 + rnd.nextInt(10), seed);
      book.decide(s);
      for (int step = 1; step <= 5; step++) {
        s = BacklogChanges.apply(s, 0.01 + 0.2 * rnd.nextDouble(), rnd).snapshot();
        if (rnd.nextInt(3) == 0) s = Derive.from(s.at(s.takenAt().plus(Duration.ofHours(rnd.nextInt(24 * 10)))));
        Decision live = book.decide(s);
        assertSame(book.evaluate(s), live, "seed " + seed + ", step " + step);
        assertInOrder(live, "seed " + seed + ", step " + step);
      }
    }
  }

  @Test
  void an_unchanged_snapshot_fires_nothing_in_the_live_session_and_a_rules_change_starts_a_fresh_one(@TempDir Path dir)
      throws Exception {
    for (String f : Files.list(RULES).map(p -> p.getFileName().toString()).toList()) {
      Files.copy(RULES.resolve(f), dir.resolve(f));
    }
    RuleBook book = RuleBook.open(dir);
    Snapshot demo = Derive.from(DemoHouse.load(Path.of("fixtures/demo")));
    int fresh = book.evaluate(demo).firings();
    assertEquals(fresh, book.decide(demo).firings(), "the first cycle starts from an empty session");
    assertEquals(0, book.decide(demo).firings(), "nothing changed, nothing fires");

    book.reload(); // the same rules: the same session
    assertEquals(0, book.decide(demo).firings());
    Files.writeString(dir.resolve("priority.drl"), Files.readString(dir.resolve("priority.drl")) + "\n// edited\n");
    String before = book.revision();
    book.reload();
    assertNotEquals(before, book.revision());
    assertEquals(fresh, book.decide(demo).firings(), "new rules, a fresh session");

    book.restart(); // what a config change does
    assertEquals(fresh, book.decide(demo).firings());
  }

  @Test
  void a_decision_says_the_facts_of_its_own_snapshot_when_read_after_later_cycles() throws Exception {
    RuleBook book = RuleBook.open(RULES);
    Snapshot s = SyntheticHouse.generate(400, 8, 11);
    Decision unread = book.decide(s);
    Random rnd = new Random(11);
    Snapshot later = s;
    for (int step = 0; step < 3; step++) {
      later = BacklogChanges.apply(later, 0.3, rnd).snapshot();
      book.decide(later);
    }
    assertSame(book.evaluate(s), unread, "read after three later cycles");
    assertTrue(unread.priorities().get(0).parts().get(0).facts().get(0).startsWith("issue "), "facts said in words");
  }

  /** The rule file {@code name} in {@code dir}: the imports, one logical priority rule and {@code rule}. */
  private static void rules(Path dir, String name, String rule) throws Exception {
    Files.writeString(dir.resolve(name), String.join("\n", "package timmy.test;", "import dev.timmy.facts.Issue;",
        "import dev.timmy.decide.Escalation;", "import dev.timmy.decide.ScorePart;",
        rule("L-001", "state == \"open\"", "insertLogical(new ScorePart($i.subject(), 1, \"open\"));"), rule));
  }

  /** A rule {@code id} on an issue matching {@code condition}, doing {@code then}. */
  @Test
  void a_clock_that_moves_within_the_hour_wakes_no_rule_that_counts_days() throws Exception {
    RuleBook book = RuleBook.open(RULES);
    Snapshot s = SyntheticHouse.generate(300, 6, 11);
    Instant hour = s.takenAt().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Snapshot first = Derive.from(s.at(hour.plus(Duration.ofMinutes(1))));
    Decision before = book.decide(first);
    long open = first.issues().stream().filter(i -> !i.pull() && i.open()).count();

    Snapshot minuteLater = Derive.from(first.at(hour.plus(Duration.ofMinutes(2))));
    Decision withinTheHour = book.decide(minuteLater);
    assertSame(book.evaluate(minuteLater), withinTheHour, "a minute later");
    assertTrue(withinTheHour.firings() < open, withinTheHour.firings() + " firings for " + open + " open issues");
    for (int i = 0; i < before.priorities().size(); i++) {
      // the same item, not an equal one: a reader that knows items by identity (the journal) knows it again
      assertTrue(before.priorities().get(i) == withinTheHour.priorities().get(i), "priority " + (i + 1) + " handed back");
    }

    Snapshot nextHour = Derive.from(first.at(hour.plus(Duration.ofMinutes(61))));
    Decision anHourLater = book.decide(nextHour);
    assertSame(book.evaluate(nextHour), anHourLater, "the next hour");
    assertTrue(anHourLater.firings() >= 2 * open, "every open issue's age and idle days are counted again: "
        + anHourLater.firings() + " firings for " + open + " open issues");
  }

  /**
   * Checks and proposals in their documented order (subject, then name and detail, or proposal
   * id), priority parts strongest first, priorities highest first: kept in order across cycles
   * ({@link Ordered}), never sorted again, they must still be in it.
   */
  private static void assertInOrder(Decision d, String when) {
    List<String> checks = d.checks().stream().map(c -> c.subject() + '\0' + c.name() + '\0' + c.detail()).toList();
    assertEquals(checks.stream().sorted().toList(), checks, when + ": checks in order");
    List<String> proposals = d.proposals().stream().map(p -> p.subject() + '\0' + p.id()).toList();
    assertEquals(proposals.stream().sorted().toList(), proposals, when + ": proposals in order");
    for (int i = 1; i < d.priorities().size(); i++) {
      PriorityItem a = d.priorities().get(i - 1);
      PriorityItem b = d.priorities().get(i);
      assertTrue(a.total() > b.total() || a.total() == b.total() && a.subject().compareTo(b.subject()) < 0, when + ": " + a.subject() + " before " + b.subject());
      assertEquals(i + 1, b.rank(), when);
      for (int j = 1; j < b.parts().size(); j++) {
        assertTrue(b.parts().get(j - 1).points() >= b.parts().get(j).points(), when + ": parts of " + b.subject());
      }
    }
  }

  private static String rule(String id, String condition, String then) {
    return String.join("\n", "rule \"" + id + "\" @id(\"" + id + "\") @title(\"Rule " + id + "\")",
        "when", "  $i : Issue( " + condition + " )", "then", "  " + then, "end", "");
  }

  private static Snapshot issues(Issue... issues) {
    return Derive.from(Given.snapshot(List.of(issues), List.of()));
  }

  @Test
  void rules_that_insert_plainly_are_evaluated_afresh_so_what_they_concluded_goes_with_its_facts(@TempDir Path dir)
      throws Exception {
    rules(dir, "held.drl", rule("L-002", "labels contains \"on-hold\"", "insert(new Escalation($i.subject(), \"held\"));"));
    RuleBook book = RuleBook.open(dir);
    RuleError why = book.afresh().orElseThrow();
    assertEquals("held.drl", why.file());
    assertEquals(16, why.line(), why.message());
    assertTrue(why.message().startsWith("`insert` outlives the facts that caused it"), why.message());

    Snapshot held = issues(Given.issue("alex/app", 1, "on-hold"), Given.issue("alex/app", 2));
    assertEquals(1, book.decide(held).escalations().size());
    Snapshot released = issues(Given.issue("alex/app", 1), Given.issue("alex/app", 2));
    Decision next = book.decide(released);
    assertEquals(List.of(), next.escalations(), "a live session would still hold the plain-inserted escalation");
    assertSame(book.evaluate(released), next, "after the hold is lifted");
    assertEquals(book.evaluate(released).firings(), book.decide(released).firings(), "every cycle fires in full");
  }

  @Test
  void the_deadline_bounds_an_incremental_fire_and_the_abandoned_session_is_not_used_again(@TempDir Path dir)
      throws Exception {
    rules(dir, "spin.drl", rule("L-003", "labels contains \"spin\"", "while ($i != null) { }"));
    RuleBook book = RuleBook.open(dir, Duration.ofMillis(500));
    assertEquals(Optional.empty(), book.afresh());
    Snapshot calm = issues(Given.issue("alex/app", 1), Given.issue("alex/app", 2));
    int full = book.decide(calm).firings();
    assertEquals(0, book.decide(calm).firings(), "the live session: nothing changed, nothing fires");

    Snapshot spinning = issues(Given.issue("alex/app", 1), Given.issue("alex/app", 2, "spin"));
    EvaluationException overdue = org.junit.jupiter.api.Assertions.assertThrows(EvaluationException.class,
        () -> book.decide(spinning));
    assertTrue(overdue.getMessage().contains("past its deadline of 500 ms in rule L-003"), overdue.getMessage());

    Decision after = book.decide(calm);
    assertEquals(full, after.firings(), "a fresh session after the overrun, not the half-told one");
    assertSame(book.evaluate(calm), after, "after the overrun");
  }
}
