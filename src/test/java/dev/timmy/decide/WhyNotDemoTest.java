package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.Agent;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.TimmyNote;
import dev.timmy.observe.DemoHouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed seam on the demo house: agent states as facts, keys as Timmy writes them, checks that say their margin. */
class WhyNotDemoTest {
  static Snapshot demo;
  static Decision decision;

  @BeforeAll
  static void evaluate() throws Exception {
    demo = DemoHouse.load(Path.of("fixtures/demo"));
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
