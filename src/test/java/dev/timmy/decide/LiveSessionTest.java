package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import dev.timmy.bench.BacklogChanges;
import dev.timmy.bench.SyntheticHouse;
import dev.timmy.facts.Snapshot;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
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
    Snapshot demo = DemoHouse.load(Path.of("fixtures/demo"));
    assertSame(book.evaluate(demo), book.decide(demo), "the first cycle");
    Random rnd = new Random(7);
    Snapshot s = demo;
    for (int step = 1; step <= 6; step++) {
      s = BacklogChanges.apply(s, 0.1, rnd).snapshot();
      if (step % 2 == 0) s = s.at(s.takenAt().plus(Duration.ofHours(20)));
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
        if (rnd.nextInt(3) == 0) s = s.at(s.takenAt().plus(Duration.ofHours(rnd.nextInt(24 * 10))));
        assertSame(book.evaluate(s), book.decide(s), "seed " + seed + ", step " + step);
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
    Snapshot demo = DemoHouse.load(Path.of("fixtures/demo"));
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

  private static void assertSame(Decision fresh, Decision live, String when) {
    JsonNode a = tree(fresh);
    JsonNode b = tree(live);
    assertTrue(a.get("priorities").size() > 0, "a decision with a backlog");
    List<String> differences = new ArrayList<>();
    differ("", a, b, differences);
    assertEquals(List.of(), differences, when + ": the live session's decision differs from a fresh evaluation's");
    assertEquals(a, b);
  }

  /** The first few paths where {@code a} and {@code b} differ, with both values, to read a failure. */
  private static void differ(String path, JsonNode a, JsonNode b, List<String> out) {
    if (out.size() >= 5 || a.equals(b)) return;
    if (a.isObject() && b.isObject()) {
      Set<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) differ(path + "." + n, a.path(n), b.path(n), out);
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) differ(path + "[" + i + "]", a.get(i), b.get(i), out);
    } else {
      out.add(path + ": fresh " + abbreviated(a) + " | live " + abbreviated(b));
    }
  }

  private static String abbreviated(JsonNode n) {
    String s = n.toString();
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static JsonNode tree(Decision d) {
    ObjectNode n = Json.mapper().valueToTree(d);
    n.remove("firings");
    return n;
  }
}
