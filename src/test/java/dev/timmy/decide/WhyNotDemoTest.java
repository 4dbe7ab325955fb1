package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.derive.Derive;
import dev.timmy.facts.Agent;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.TimmyNote;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed seam on the demo house: agent states as facts, keys as Timmy writes them, checks that say their margin. */
class WhyNotDemoTest {
  static Snapshot demo;
  static Decision decision;

  @BeforeAll
  static void evaluate() throws Exception {
    demo = Derive.from(DemoHouse.load(Path.of("fixtures/demo")));
    decision = RuleBook.open(Path.of("rules")).evaluate(demo);
  }

  @Test
  void an_issue_that_is_not_stale_says_how_many_idle_days_it_has_against_the_threshold() {
    Pattern idle = Pattern.compile("idle (\\d+) of 14 days");
    List<CheckItem> notStale = decision.checks().stream().filter(c -> c.name().equals("stale") && !c.ok()).toList();
    assertFalse(notStale.isEmpty(), "the demo has fresh issues");
    for (CheckItem c : notStale) {
      Matcher m = idle.matcher(c.detail());
      assertTrue(m.find(), c.detail());
      assertTrue(Integer.parseInt(m.group(1)) < 14, c.detail());
      // The explanation of the subject carries the margin too (what explain shows).
      assertTrue(Explanation.of(decision, c.subject()).checks().contains(c));
    }
    for (Issue i : demo.issues()) {
      if (i.pull() || !i.open() || i.lastActivityAt() == null) continue;
      assertEquals(1, decision.checksOf(i.subject()).stream().filter(c -> c.name().equals("stale")).count(), i.subject());
    }
  }

  /**
   * A named condition and how its detail states the value seen and the threshold; {@code holds}
   * recomputes, from the numbers in the words, whether the condition holds, so the words cannot
   * drift from the verdict.
   */
  record Margin(String name, boolean bothWaysInDemo, Pattern words, Predicate<Matcher> holds) {}

  static final List<Margin> MARGINS = List.of(
      new Margin("quota", true, Pattern.compile("\\((\\d+)%\\).*below 10%"), m -> Integer.parseInt(m.group(1)) >= 10),
      new Margin("ci-record", true, Pattern.compile("^(\\d+) CI failure\\(s\\) against (\\d+) merged .*failing from 3 failures outnumbering merges$"),
          m -> !(num(m, 1) >= 3 && num(m, 1) > num(m, 2))),
      new Margin("approved-by-other", true, Pattern.compile("^(changes requested by )?.*; (\\d+) approval\\(s\\) from others, needs 1$"),
          m -> m.group(1) == null && num(m, 2) >= 1),
      new Margin("disk-short:", true, Pattern.compile("^([\\d.]+) GB of [\\d.]+ GB free on \\S+ \\(short below ([\\d.]+) GB\\)$"),
          m -> dec(m, 1) < dec(m, 2)),
      new Margin("on-short-disk", true, Pattern.compile("^on \\S+: ([\\d.]+) GB of [\\d.]+ GB free \\(short below ([\\d.]+) GB\\)$"),
          m -> dec(m, 1) < dec(m, 2)),
      new Margin("memory-pressure", false, Pattern.compile("^([\\d.]+) GB of [\\d.]+ GB available \\(pressure below ([\\d.]+) GB\\)$"),
          m -> dec(m, 1) < dec(m, 2)),
      new Margin("healthy", true, Pattern.compile("^(\\d+) failure\\(s\\) in a row \\(failing from 2\\), last success (\\d+) min ago \\(failing past (\\d+) min\\)"),
          m -> num(m, 1) < 2 && num(m, 2) <= num(m, 3)),
      new Margin("stuck", false, Pattern.compile("(?:quiet|stuck at [A-Z_]+) for (\\d+) (h|days) .*stuck after (\\d+) (h|days)\\)"),
          m -> hours(m, 1) >= hours(m, 3)));

  @Test
  void every_named_condition_says_the_value_seen_and_its_threshold_held_or_not() {
    for (Margin margin : MARGINS) {
      List<CheckItem> named = decision.checks().stream().filter(c -> c.name().startsWith(margin.name()))
          // A loop's CI health (LOOP-006) and work in a stage that waits on others say other words.
          .filter(c -> !c.ruleId().equals("LOOP-006") && !c.detail().contains(" waits on others, not on ")).toList();
      assertFalse(named.isEmpty(), "the demo has " + margin.name() + " checks");
      for (CheckItem c : named) {
        Matcher m = margin.words().matcher(c.detail());
        assertTrue(m.find(), margin.name() + " says the value seen and the threshold: " + c.line());
        assertEquals(c.ok(), margin.holds().test(m), "the words agree with the verdict: " + c.line());
      }
      if (margin.bothWaysInDemo()) {
        assertEquals(2, named.stream().map(CheckItem::ok).distinct().count(), margin.name() + " held and not: " + named);
      }
    }
  }

  @Test
  void a_pull_request_approved_only_by_its_author_says_so_with_the_count() {
    CheckItem gb14 = decision.checksOf("alex/game-bot#14").stream().filter(c -> c.name().equals("approved-by-other"))
        .findFirst().orElseThrow();
    assertFalse(gb14.ok());
    assertTrue(gb14.detail().contains("1 approval, from the author; 0 approval(s) from others, needs 1"), gb14.detail());
    assertTrue(Explanation.of(decision, "alex/game-bot#14").whyNot().contains(gb14.line()), "why not merged says it");
  }

  @Test
  void an_issue_that_is_not_routable_names_every_check_in_its_way() {
    List<CheckItem> notRoutable = decision.checks().stream().filter(c -> c.name().equals("routable") && !c.ok()).toList();
    assertFalse(notRoutable.isEmpty());
    for (CheckItem c : notRoutable) {
      List<CheckItem> inTheWay = decision.checksOf(c.subject()).stream().filter(k -> k.ok()
          && List.of("on-hold", "owner-instruction", "strategy", "blocked", "has-open-pr", "warned-stale").contains(k.name())).toList();
      assertFalse(inTheWay.isEmpty(), c.line());
      for (CheckItem k : inTheWay) assertTrue(c.detail().contains(k.name() + ": " + k.detail()), c.line() + " names " + k.line());
      assertEquals(1, decision.checksOf(c.subject()).stream().filter(k -> k.name().equals("routable")).count(), "one routable check");
    }
  }

  @Test
  void a_routing_window_check_says_the_priority_against_the_window_and_agrees_with_the_rank() {
    Pattern words = Pattern.compile("^priority (-?\\d+) ranks (within|below) the first 100");
    List<CheckItem> window = decision.checks().stream().filter(c -> c.name().equals("in-routing-window")).toList();
    assertFalse(window.isEmpty(), "the demo routes");
    for (CheckItem c : window) {
      Matcher m = words.matcher(c.detail());
      assertTrue(m.find(), c.line());
      PriorityItem p = decision.priorityOf(c.subject()).orElseThrow();
      assertEquals(p.total(), num(m, 1), c.line());
      assertEquals(p.rank() <= 100, c.ok(), c.line() + " at rank " + p.rank());
      assertEquals(c.ok(), m.group(2).equals("within"), c.line());
    }
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static double dec(Matcher m, int group) {
    return Double.parseDouble(m.group(group));
  }

  private static long hours(Matcher m, int group) {
    return Long.parseLong(m.group(group)) * (m.group(group + 1).equals("days") ? 24 : 1);
  }

  @Test
  void every_agent_has_a_typed_state_that_agrees_with_its_state_check() {
    for (Agent a : demo.agents()) {
      AgentState s = decision.agentState(a.name()).orElseThrow(() -> new AssertionError("no state for " + a.name()));
      CheckItem c = decision.checksOf(s.subject()).stream().filter(x -> x.name().equals(AgentState.CHECK)).findFirst().orElseThrow();
      assertEquals(s.state().ok(), c.ok(), a.name());
      assertEquals(s.state() + ": " + s.reasons(), c.detail());
    }
  }

  @Test
  void every_proposal_key_reads_back_as_the_marker_key_without_the_body() {
    assertFalse(decision.proposals().isEmpty());
    for (ProposalItem p : decision.proposals()) {
      TimmyNote.Key k = TimmyNote.Key.parse(p.id()).orElseThrow(() -> new AssertionError("unreadable key " + p.id()));
      assertEquals(p.kind().name(), k.kind());
      assertEquals(p.subject(), k.subject());
      Map<String, String> named = new java.util.HashMap<>(p.params());
      named.remove("body");
      assertEquals(named, k.params(), p.id());
    }
  }
}
