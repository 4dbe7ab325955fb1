package dev.timmy.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timmy.decide.Decision;
import dev.timmy.decide.RouteItem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the record by kind and area of work says in each route it touches: counts, median hours and from when. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkRecordRoutesTest {
  static final Path RULES = Path.of("rules");
  static final Path AREA = Path.of("fixtures/scenarios/agents/record-by-area-raises-and-lowers.yml");
  static final Path KIND = Path.of("fixtures/scenarios/agents/record-by-kind-raises-and-lowers.yml");

  private final ScenarioRunner runner;

  WorkRecordRoutesTest() throws Exception {
    runner = ScenarioRunner.open(RULES);
  }

  static List<String> reasons(Decision d, String subject, String agent, String prefix) {
    RouteItem route = d.routesOf(subject).stream().filter(r -> r.agent().equals(agent)).findFirst().orElseThrow();
    return route.parts().stream().filter(p -> p.ruleId().startsWith(prefix)).map(p -> p.ruleId() + " " + p.reason()).toList();
  }

  @Test
  void an_area_record_explains_its_points_with_counts_and_hours_from_dispatch() throws Exception {
    Decision d = runner.book().evaluate(ScenarioLoader.load(AREA).snapshot());
    assertEquals(List.of("AGENT-040 kimi: 4 of 4 ui-area PRs merged in 14 days, median 9 h from dispatch: +15"),
        reasons(d, "alex/x#1", "kimi", "AGENT-04"), "kimi's three pulls of no known area do not dilute its ui record");
    assertEquals(List.of("AGENT-042 claude: 3 of 5 ui-area PRs merged in 14 days, median 100 h from dispatch, slow to merge: -5"),
        reasons(d, "alex/x#1", "claude", "AGENT-04"), "3 of 5 is no good record, and 2 unmerged against 3 merged no poor one");
    assertEquals(List.of("AGENT-041 claude: 0 of 2 docs-area PRs merged in 14 days: -15"),
        reasons(d, "alex/x#2", "claude", "AGENT-04"), "the issue is docs work by triage, not by a label");
  }

  @Test
  void a_kind_record_without_dispatches_says_its_hours_run_from_pr_opening() throws Exception {
    Decision d = runner.book().evaluate(ScenarioLoader.load(KIND).snapshot());
    assertEquals(List.of("AGENT-040 kimi: 5 of 6 bug PRs merged in 14 days, median 9 h from PR opening: +15"),
        reasons(d, "alex/x#1", "kimi", "AGENT-04"));
  }
}
