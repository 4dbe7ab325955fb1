package dev.timmy.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against a tiny rule set of its own, so these tests do not move with the default policy. */
class ScenarioRunnerTest {
  private static final String RULES = """
      package timmy.test;

      import dev.timmy.decide.ActionKind;
      import dev.timmy.decide.Check;
      import dev.timmy.decide.Proposal;
      import dev.timmy.decide.ScorePart;
      import dev.timmy.facts.Issue;
      import java.util.Map;

      rule "close bugs"
          @id("T-001") @title("Close every bug")
      when
          $i : Issue(hasLabel("bug"))
      then
          insert(new Proposal(ActionKind.CLOSE, $i.subject(), Map.of("body", "bye"), "a bug"));
          insert(new ScorePart($i.subject(), 5, "bug: +5"));
          insert(new Check($i.subject(), "bug", true, "labelled bug"));
      end

      rule "never"
          @id("T-002") @title("Never fires")
      when
          Issue(number < 0)
      then
      end
      """;

  @TempDir Path dir;
  private Path rules;
  private Path scenarios;
  private ScenarioRunner runner;

  @BeforeEach
  void compile() throws Exception {
    rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("test.drl"), RULES);
    scenarios = Files.createDirectories(dir.resolve("scenarios"));
    runner = ScenarioRunner.open(rules);
  }

  private Path write(String name, String expect) throws IOException {
    Path file = scenarios.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        note: a bug and a feature
        given:
          now: 2026-11-23T09:00:00Z
          issues:
            - {repo: alex/x, number: 1, labels: [bug]}
            - {repo: alex/x, number: 2, labels: [feature]}
        expect:
        """ + expect);
    return file;
  }

  private List<String> failures(String expect) throws Exception {
    return runner.run(ScenarioLoader.load(write("s.yml", expect))).failures();
  }

  @Test
  void met_expectations_pass() throws Exception {
    assertEquals(List.of(), failures("""
          proposals: [{kind: CLOSE, subject: "alex/x#1", ruleId: T-001, vetoed: false, params: {body: bye}}]
          priorities: [{subject: "alex/x#1", ruleId: T-001, points: 5, rank: 1}]
          checks: [{subject: "alex/x#1", name: bug, ok: true, ruleId: T-001}]
          absent: [{kind: CLOSE, subject: "alex/x#2"}]
        """));
  }

  @Test
  void a_missing_proposal_is_reported_with_what_is_there_instead() throws Exception {
    List<String> f = failures("""
          proposals: [{kind: CLOSE, subject: "alex/x#2", ruleId: T-001}]
        """);
    assertEquals(List.of("expected a CLOSE proposal on alex/x#2 by T-001; no CLOSE proposal on it; its proposals: none"), f);
  }

  @Test
  void a_proposal_that_differs_is_reported_as_found() throws Exception {
    List<String> f = failures("""
          proposals: [{kind: CLOSE, subject: "alex/x#1", vetoed: true}]
        """);
    assertEquals(List.of("expected a CLOSE proposal on alex/x#1, vetoed; found CLOSE by T-001 not vetoed"), f);
  }

  @Test
  void each_kind_of_unmet_expectation_is_one_failure_in_words() throws Exception {
    List<String> f = failures("""
          vetoes: [{kind: CLOSE, subject: "alex/x#1", ruleId: T-002}]
          escalations: [{subject: "alex/x#1"}]
          routes: [{subject: "alex/x#1", agent: kimi}]
          priorities: [{subject: "alex/x#1", rank: 2}]
          checks: [{subject: "alex/x#1", name: bug, ok: false}]
          absent: [{kind: CLOSE, subject: "alex/x#1"}]
        """);
    assertEquals(6, f.size(), f::toString);
    assertTrue(f.get(0).startsWith("expected T-002 to veto CLOSE on alex/x#1; found CLOSE by T-001 not vetoed"), f.get(0));
    assertTrue(f.get(1).startsWith("expected an escalation of alex/x#1; its escalations: none"), f.get(1));
    assertTrue(f.get(2).startsWith("expected a route of alex/x#1 to kimi; its routes: none; its checks: bug ✔"), f.get(2));
    assertTrue(f.get(3).startsWith("expected alex/x#1 at rank 2; found total 5 at rank 1"), f.get(3));
    assertTrue(f.get(4).startsWith("expected check bug ✘ on alex/x#1; its checks: bug ✔ by T-001"), f.get(4));
    assertTrue(f.get(5).startsWith("expected no CLOSE proposal on alex/x#1; found CLOSE by T-001"), f.get(5));
  }

  @Test
  void naming_a_rule_the_book_does_not_have_fails_even_in_an_absent_expectation() throws Exception {
    List<String> f = failures("""
          absent: [{kind: MERGE, subject: "alex/x#1", ruleId: T-999}]
        """);
    assertEquals(1, f.size(), f::toString);
    assertTrue(f.get(0).contains("names rule T-999, which no rule in"), f.get(0));
  }

  @Test
  void run_all_walks_subfolders_reports_broken_files_and_uncovered_rules() throws Exception {
    write("good.yml", """
          proposals: [{kind: CLOSE, subject: "alex/x#1", ruleId: T-001}]
        """);
    write("house/bad.yml", """
          absent: [{kind: CLOSE, subject: "alex/x#1"}]
        """);
    Files.writeString(scenarios.resolve("house/broken.yml"), "note: broken\ngiven: {now: 2026-11-23T09:00:00Z}\nexpect: {absent: [{kind: CLOSE, subject: \"a/b#1\", ruleid: T-001}]}\n");

    ScenarioReport report = runner.runAll(scenarios);

    assertEquals(3, report.results().size());
    assertEquals(1, report.passed());
    assertEquals(2, report.failed());
    assertFalse(report.ok());
    assertEquals(List.of("T-002"), report.uncovered());
    String text = String.join("\n", report.lines());
    assertTrue(text.contains("PASS good.yml — a bug and a feature"), text);
    assertTrue(text.contains("FAIL house/bad.yml"), text);
    assertTrue(text.contains("house/broken.yml:3:"), text);
    assertTrue(text.contains("unknown field 'ruleid'; expected one of kind, ruleId, subject"), text);
    assertTrue(text.contains("rules no scenario names: T-002"), text);
    assertTrue(text.endsWith("1 passed, 2 failed (rules revision " + runner.book().revision() + ")"), text);
  }

  @Test
  void an_empty_scenario_folder_is_not_ok() throws Exception {
    ScenarioReport report = runner.runAll(scenarios);
    assertFalse(report.ok());
    assertTrue(report.lines().get(0).startsWith("no scenario files"), report.lines().toString());
  }
}
