package dev.timmy.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stuck verdict and its words, both ways, on the record the rules ask (AGENT-010). */
class WorkItemWordsTest {
  static final Clock NOW = new Clock(Instant.parse("2026-11-23T09:00:00Z"));

  static WorkItem dispatched(String since, String activeAt) {
    return new WorkItem("alex/x#1", "claude", "claude-code", WorkStage.DISPATCHED, Instant.parse(since),
        activeAt == null ? null : Instant.parse(activeAt), "", "assigned");
  }

  /** The verdict and the words of {@code w} against {@code limitHours}, together. */
  static void says(WorkItem w, int limitHours, boolean stuck, String words) {
    assertEquals(stuck, w.stuck(NOW, limitHours), words);
    assertEquals(words, w.stuckWords(NOW, limitHours));
  }

  @Test
  void quiet_work_under_its_limit_is_not_stuck_and_says_the_hours_against_the_limit() {
    says(dispatched("2026-11-22T04:00:00Z", null), 48, false, "claude at DISPATCHED, quiet for 29 h (stuck after 2 days): assigned");
  }

  @Test
  void work_quiet_past_its_limit_is_stuck_and_says_when_the_agent_last_spoke() {
    says(dispatched("2026-11-17T09:00:00Z", "2026-11-18T09:00:00Z"), 48, true,
        "claude stuck at DISPATCHED for 5 days (last heard from claude-code 5 days ago; stuck after 2 days): assigned");
    assertTrue(dispatched("2026-11-21T09:00:00Z", null).stuck(NOW, 48), "exactly at the limit is stuck");
  }

  @Test
  void a_stage_that_waits_on_others_is_never_stuck_and_says_so() {
    says(dispatched("2026-10-01T00:00:00Z", null), 0, false, "DISPATCHED waits on others, not on claude: assigned");
  }

  @Test
  void work_in_flight_is_listed_sorted_with_the_stuck_marked() {
    WorkItem a = new WorkItem("alex/x#2", "kimi", "kimi-code", WorkStage.WORKING, null, null, "", "");
    WorkItem b = new WorkItem("alex/x#1", "kimi", "kimi-code", WorkStage.PR_OPEN, null, null, "", "");
    assertEquals("2 in flight of 4 slot(s): alex/x#1 PR_OPEN, alex/x#2 WORKING (stuck)",
        WorkItem.inFlight(List.of(a, b), Set.of("alex/x#2"), 4));
  }

  @Test
  void a_quota_says_what_is_left_of_what_and_when_it_resets() {
    assertEquals("anthropic quota: 180000 of 5000000 left (4%), resets 2026-11-23T14:00:00Z",
        new Quota("anthropic", 180000, 5000000, Instant.parse("2026-11-23T14:00:00Z")).words());
    assertEquals("moonshot quota: 5 of 10 left (50%)", new Quota("moonshot", 5, 10, null).words());
  }
}
