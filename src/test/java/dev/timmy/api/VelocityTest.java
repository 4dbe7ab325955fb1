package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.timmy.decide.ActionKind;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentKind;
import dev.timmy.facts.History;
import dev.timmy.facts.PastIssue;
import dev.timmy.facts.PastPull;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.act.Mode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VelocityTest {
  static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
  static final List<Agent> ROSTER = List.of(
      new Agent("claude", AgentKind.CLAUDE, "claude-code", "claude-ready", List.of(), List.of(), 4, List.of(), true),
      new Agent("kimi", AgentKind.KIMI, "kimi-code", "kimi-ready", List.of(), List.of(), 4, List.of(), true));

  @Test
  void fourteen_days_oldest_first_ending_on_the_snapshot_day_even_with_no_history() {
    Velocity v = Velocity.of(14, NOW, ROSTER, History.none(), List.of());
    assertEquals(14, v.perDay().size());
    assertEquals(LocalDate.parse("2026-03-02"), v.perDay().get(0).date());
    assertEquals(LocalDate.parse("2026-03-15"), v.perDay().get(13).date());
    assertEquals(List.of(), v.agents());
    assertNull(v.medianMinutes());
  }

  @Test
  void closed_issues_and_merged_pulls_count_per_day_and_agent_by_login() {
    History h = new History(14, List.of(
        pull(1, "Claude-Code", true, "2026-03-14T23:59:00Z"),
        pull(2, "kimi-code", true, "2026-03-14T08:00:00Z"),
        pull(3, "kimi-code", false, "2026-03-14T09:00:00Z"),
        pull(4, "mara", true, "2026-03-10T09:00:00Z"),
        pull(5, "claude-code", true, "2026-03-01T23:59:59Z")),
        List.of(issue(10, List.of("claude-code"), "2026-03-15T00:00:00Z"), issue(11, List.of(), "2026-03-15T09:00:00Z"),
            issue(12, List.of("kimi-code"), "2026-03-16T09:00:00Z")));
    Velocity v = Velocity.of(14, NOW, ROSTER, h, List.of());
    Velocity.Day mar14 = day(v, "2026-03-14");
    assertEquals(2, mar14.pullsMerged(), "the unmerged one does not count");
    assertEquals(Map.of("claude", 1, "kimi", 1), mar14.mergedBy());
    assertEquals(Map.of("others", 1), day(v, "2026-03-10").mergedBy(), "a person outside the roster");
    Velocity.Day mar15 = day(v, "2026-03-15");
    assertEquals(2, mar15.issuesClosed());
    assertEquals(Map.of("claude", 1, "unassigned", 1), mar15.closedBy());
    assertEquals(5, v.perDay().stream().mapToInt(d -> d.pullsMerged() + d.issuesClosed()).sum(),
        "Mar 1 is outside the window and Mar 16 after the snapshot");
    assertEquals(List.of("claude", "kimi", "others", "unassigned"), v.agents().stream().sorted().toList());
    assertEquals(List.of("claude", "kimi"), v.agents().subList(0, 2), "roster order first");
  }

  @Test
  void the_median_runs_from_the_first_done_assignment_to_the_close_and_ignores_dry_runs() {
    History h = new History(14, List.of(), List.of(
        issue(1, List.of("kimi-code"), "2026-03-10T12:00:00Z"),
        issue(2, List.of("kimi-code"), "2026-03-11T00:00:00Z"),
        issue(3, List.of("kimi-code"), "2026-03-12T00:00:00Z"),
        issue(4, List.of("kimi-code"), "2026-03-12T00:00:00Z")));
    List<ActionRow> dispatches = List.of(
        assign(1, ActionStatus.DONE, "2026-03-10T10:00:00Z"),
        assign(1, ActionStatus.DONE, "2026-03-10T11:00:00Z"),
        assign(2, ActionStatus.DONE, "2026-03-10T18:00:00Z"),
        assign(3, ActionStatus.WOULD_DO, "2026-03-09T00:00:00Z"),
        assign(4, ActionStatus.DONE, "2026-03-13T00:00:00Z"));
    Velocity v = Velocity.of(14, NOW, ROSTER, h, dispatches);
    assertEquals(2, v.measured(), "issue 3 was only a dry run; issue 4 closed before it was dispatched");
    assertEquals((120 + 360) / 2, v.medianMinutes(), "2 h for #1 (from its first assignment), 6 h for #2");
  }

  @Test
  void the_median_of_an_odd_count_is_the_middle_value() {
    assertEquals(5L, Velocity.median(List.of(9L, 1L, 5L)));
    assertNull(Velocity.median(List.of()));
  }

  private static Velocity.Day day(Velocity v, String date) {
    return v.perDay().stream().filter(d -> d.date().toString().equals(date)).findFirst().orElseThrow();
  }

  private static PastPull pull(int n, String author, boolean merged, String closed) {
    return new PastPull("alex/app", n, author, merged, Instant.parse(closed), 0, 0);
  }

  private static PastIssue issue(int n, List<String> assignees, String closed) {
    return new PastIssue("alex/app", n, assignees, Instant.parse(closed));
  }

  private static ActionRow assign(int n, ActionStatus status, String at) {
    Instant t = Instant.parse(at);
    return new ActionRow(n, 1, "ASSIGN:alex/app#" + n, ActionKind.ASSIGN, "alex/app#" + n, Mode.LIVE, status, null, "", t, t);
  }
}
