package dev.timmy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The agents in the CLI's text: a section of evaluate, and explain agent:NAME. */
class AgentsReportTest {
  @Test
  void evaluate_ends_with_each_agent_its_state_load_quota_record_and_stuck_work() {
    CliTest.Run r = CliTest.run("evaluate");
    assertEquals(0, r.code(), r.err());
    String agents = r.out().substring(r.out().indexOf("\nAgents\n"));
    assertTrue(agents.matches("(?s).*\\n  claude +BUSY +3 of 4 +anthropic 4% LOW +14 days: 2 merged.*"), agents);
    assertTrue(agents.contains("stuck: alex/hermes-dashboard#28 — claude stuck at DISPATCHED for 6 days"), agents);
    assertTrue(agents.matches("(?s).*\\n  kimi +BUSY +2 of 4 +moonshot 62% +14 days: 1 merged, 2 closed unmerged, 3 CI failure.*"), agents);
    assertTrue(agents.contains("pull requests keep failing CI: 3 CI failure(s) against 1 merged in 14 days"), agents);
    assertTrue(agents.matches("(?s).*\\n  timmy +IDLE +0 of 1 .*"), agents);
    assertTrue(agents.matches("(?s).*\\n  researcher +IDLE +0 of 2 .*"), agents);
  }

  @Test
  void explain_of_an_agent_shows_its_checks_work_in_flight_quota_and_record() {
    CliTest.Run r = CliTest.run("explain", "agent:claude");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("✔ state              BUSY: 3 in flight of 4 slot(s)"), r.out());
    assertTrue(r.out().contains("✘ quota              anthropic quota: 180000 of 5000000 left (4%)"), r.out());
    assertTrue(r.out().matches("(?s).*Work in flight\\n.*  alex/hermes-dashboard#28 +DISPATCHED +since 2026-11-17T09:00:00Z.*"), r.out());
    assertTrue(r.out().matches("(?s).*Work in flight\\n.*  alex/hermes-dashboard#24 +DISPATCHED +since 2026-11-20T09:00:00Z.*"), r.out());
    assertTrue(r.out().contains("alex/local-agent#11          APPROVED"), r.out());
    assertTrue(r.out().contains("Record over 14 days: 2 merged"), r.out());
    assertTrue(r.out().contains("Quota: anthropic quota: 180000 of 5000000 left (4%), resets 2026-11-23T14:00:00Z"), r.out());
    assertTrue(r.out().matches("(?s).*\\nWhy not\\n  ✘ quota: anthropic quota: .*below 10%.*"), "the why-not has the margin:\n" + r.out());
  }

  @Test
  void explain_of_an_agent_not_in_the_roster_concludes_nothing() {
    CliTest.Run r = CliTest.run("explain", "agent:nobody");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("concluded nothing"), r.out());
  }
}
