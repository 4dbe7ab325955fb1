package dev.timmy.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentKind;
import dev.timmy.facts.CiState;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.SnapshotState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void omitted_fields_take_the_documented_defaults() throws Exception {
    Scenario s = ScenarioLoader.load(write("defaults.yml", """
        note: defaults
        given:
          now: 2026-11-23T09:00:00Z
          issues: [{repo: alex/x, number: 1}]
          pulls: [{repo: alex/x, number: 2}]
          comments: [{subject: "alex/x#1"}, {subject: "alex/x#1", author: bob}]
          agents: [{name: kimi, kind: KIMI}]
        expect:
          absent: [{kind: MERGE, subject: "alex/x#2"}]
        """));
    Snapshot snap = s.snapshot();
    Issue i = snap.issues().get(0);
    assertEquals("open", i.state());
    assertEquals("alex", i.author());
    assertEquals(NOW, i.createdAt());
    assertEquals(NOW, i.lastActivityAt());
    assertEquals("alex", i.lastActivityBy());
    assertEquals(List.of(), i.labels());
    PullRequest p = snap.pulls().get(0);
    assertEquals("abc123", p.headSha());
    assertEquals(CiState.NONE, p.ciState());
    assertTrue(p.mergeable());
    assertEquals("main", p.baseRef());
    assertEquals(List.of(1L, 2L), snap.comments().stream().map(c -> c.id()).toList());
    assertEquals("alex", snap.comments().get(0).author());
    Agent kimi = snap.agents().get(0);
    assertEquals(new Agent("kimi", AgentKind.KIMI, "kimi", "kimi-ready", List.of(), List.of(), 1, List.of(), true), kimi);
    assertTrue(snap.complete());
    assertEquals("alex", snap.owner().login());
    assertEquals(List.of("on-hold"), snap.owner().holdLabels());
    assertEquals(1, snap.loads().size(), "loads are counted from the backlog");
  }

  @Test
  void a_partial_snapshot_reaches_the_rules_as_a_snapshot_state_fact() throws Exception {
    Scenario s = ScenarioLoader.load(write("partial.yml", """
        note: partial
        given: {now: 2026-11-23T09:00:00Z, complete: false, gaps: [gitea page 2]}
        expect: {absent: [{kind: MERGE, subject: "alex/x#2"}]}
        """));
    assertTrue(s.snapshot().facts().contains(new SnapshotState(false, List.of("gitea page 2"))));
  }

  @Test
  void an_unknown_field_is_an_error_at_its_line_naming_the_known_ones() throws Exception {
    Path file = write("typo.yml", """
        note: typo
        given:
          now: 2026-11-23T09:00:00Z
          issues:
            - {repo: alex/x, number: 1}
            - {repo: alex/x, number: 2, lables: [bug]}
        expect:
          absent: [{kind: MERGE, subject: "alex/x#2"}]
        """);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertEquals(6, e.line());
    assertTrue(e.getMessage().startsWith(file + ":6:"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown field 'lables'"), e.getMessage());
    assertTrue(e.getMessage().contains("labels"), e.getMessage());
    assertTrue(e.getMessage().contains("(at given.issues[1]"), e.getMessage());
  }

  @Test
  void a_missing_required_field_says_what_is_needed_and_where() throws Exception {
    Path file = write("missing.yml", """
        note: missing number
        given:
          now: 2026-11-23T09:00:00Z
          issues:
            - {repo: alex/x}
        expect:
          absent: [{kind: MERGE, subject: "alex/x#2"}]
        """);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertEquals(5, e.line());
    assertTrue(e.getMessage().contains("an issue needs a positive number"), e.getMessage());
  }

  @Test
  void an_unknown_action_kind_lists_the_vocabulary() throws Exception {
    Path file = write("kind.yml", """
        note: bad kind
        given: {now: 2026-11-23T09:00:00Z}
        expect:
          proposals:
            - {kind: DELETE_REPO, subject: "alex/x#1"}
        """);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertEquals(5, e.line());
    assertTrue(e.getMessage().contains("'DELETE_REPO' is not one of [ADD_LABEL"), e.getMessage());
  }

  @Test
  void enum_values_may_be_written_in_lower_case() throws Exception {
    Scenario s = ScenarioLoader.load(write("lower.yml", """
        note: lower case
        given:
          now: 2026-11-23T09:00:00Z
          pulls: [{repo: alex/x, number: 1, ciState: failure}]
        expect: {absent: [{kind: merge, subject: "alex/x#1"}]}
        """));
    assertEquals(CiState.FAILURE, s.snapshot().pulls().get(0).ciState());
  }

  @Test
  void broken_yaml_a_repeated_key_and_an_empty_file_are_errors_with_a_place() throws Exception {
    ScenarioException yaml = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("broken.yml", """
        note: broken
        given:
          now: 2026-11-23T09:00:00Z
          issues: [{repo: alex/x, number: 1}
        expect: {}
        """)));
    assertEquals(4, yaml.line(), yaml.getMessage());
    assertTrue(yaml.getMessage().contains("not valid YAML"), yaml.getMessage());

    ScenarioException twice = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("twice.yml", """
        note: twice
        note: again
        given: {now: 2026-11-23T09:00:00Z}
        expect: {absent: [{kind: MERGE, subject: "alex/x#1"}]}
        """)));
    assertEquals(2, twice.line(), twice.getMessage());
    assertTrue(twice.getMessage().contains("note"), twice.getMessage());

    ScenarioException empty = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("empty.yml", "")));
    assertTrue(empty.getMessage().contains("empty file"), empty.getMessage());
  }

  @Test
  void a_scenario_without_now_note_or_expectations_is_refused() throws Exception {
    ScenarioException noNow = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("nonow.yml", """
        note: no now
        given: {issues: []}
        expect: {absent: [{kind: MERGE, subject: "alex/x#1"}]}
        """)));
    assertTrue(noNow.getMessage().contains("given needs now"), noNow.getMessage());
    ScenarioException noNote = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("nonote.yml", """
        given: {now: 2026-11-23T09:00:00Z}
        expect: {absent: [{kind: MERGE, subject: "alex/x#1"}]}
        """)));
    assertTrue(noNote.getMessage().contains("needs a note"), noNote.getMessage());
    ScenarioException nothing = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(write("nothing.yml", """
        note: expects nothing
        given: {now: 2026-11-23T09:00:00Z}
        expect: {}
        """)));
    assertTrue(nothing.getMessage().contains("expect needs at least one"), nothing.getMessage());
  }

  @Test
  void find_walks_subfolders_and_takes_only_yaml_files() throws Exception {
    write("a.yml", "x");
    write("house/b.yaml", "x");
    write("house/deep/c.yml", "x");
    write("notes.md", "x");
    assertEquals(Set.of("a.yml", "b.yaml", "c.yml"),
        Set.copyOf(ScenarioLoader.find(dir).stream().map(p -> p.getFileName().toString()).toList()));
  }

  @Test
  void rule_ids_are_collected_from_every_kind_of_expectation() throws Exception {
    Scenario s = ScenarioLoader.load(write("ids.yml", """
        note: ids
        given: {now: 2026-11-23T09:00:00Z}
        expect:
          proposals: [{kind: CLOSE, subject: "a/b#1", ruleId: LIFE-002}]
          vetoes: [{kind: CLOSE, subject: "a/b#1", ruleId: AUTH-001}]
          escalations: [{subject: "a/b#1", ruleId: AUTH-003}]
          routes: [{subject: "a/b#1", agent: kimi, ruleId: ROUTE-010}]
          priorities: [{subject: "a/b#1", ruleId: PRIO-001}]
          checks: [{subject: "a/b#1", name: open, ruleId: CLASS-001}]
          absent: [{kind: MERGE, subject: "a/b#1", ruleId: LIFE-003}]
        """));
    assertEquals(Set.of("LIFE-002", "AUTH-001", "AUTH-003", "ROUTE-010", "PRIO-001", "CLASS-001", "LIFE-003"), s.ruleIds());
  }
}
