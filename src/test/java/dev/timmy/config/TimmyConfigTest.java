package dev.timmy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.AgentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimmyConfigTest {
  private static final String MINIMAL = """
      owner:
        login: alex
      agents:
        - name: claude
          kind: CLAUDE
          login: claude-code
      """;

  private static List<String> problems(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> TimmyConfig.parse(yaml, "timmy.yml"));
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void a_minimal_file_takes_every_documented_default() throws Exception {
    TimmyConfig c = TimmyConfig.parse(MINIMAL, "timmy.yml");
    assertEquals(8377, c.service().port());
    assertEquals("127.0.0.1", c.service().bind());
    assertEquals(60, c.service().cycleSeconds());
    assertFalse(c.service().live());
    assertEquals("rules", c.service().rulesDir());
    assertEquals("fixtures/demo", c.service().fixturesDir());
    assertEquals(20, c.budgets().operationsPerCycle());
    assertEquals(3, c.budgets().commentsPerIssuePerDay());
    assertEquals(3, c.budgets().writeErrorsBeforeStop());
    assertEquals("timmy.db", c.journal().path());
    assertEquals(30, c.journal().retentionDays());
    assertEquals(List.of("on-hold"), c.owner().holdLabels());
    assertNull(c.gitea());
    assertTrue(c.demoMode());
  }

  @Test
  void a_roster_entry_gets_enabled_one_slot_and_a_ready_label_from_its_name() throws Exception {
    var agent = TimmyConfig.parse(MINIMAL, "timmy.yml").agents().get(0);
    assertEquals(AgentKind.CLAUDE, agent.kind());
    assertEquals("claude-ready", agent.readyLabel());
    assertEquals(1, agent.maxConcurrent());
    assertTrue(agent.enabled());
    assertEquals(List.of(), agent.strengths());
  }

  @Test
  void an_out_of_range_port_is_reported_with_its_line_expected_and_found() {
    String yaml = MINIMAL + """
        service:
          bind: 127.0.0.1
          port: 0
        """;
    assertEquals(List.of("timmy.yml:9: service.port: expected 1..65535, found 0"), problems(yaml));
  }

  @Test
  void a_misspelt_key_is_an_error_that_suggests_the_right_one() {
    String yaml = MINIMAL + """
        service:
          prot: 9000
        """;
    List<String> found = problems(yaml);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("timmy.yml:8: service.prot: unknown key (did you mean port?)"), found.get(0));
  }

  @Test
  void every_problem_is_reported_at_once_in_line_order() {
    String yaml = """
        owner:
          login: alex
        agents:
          - name: kimi
            kind: ROBOT
            login: kimi-code
            maxConcurrent: many
        service:
          live: maybe
        budgets:
          operationsPerCycle: -1
        journal:
          retentionDays: 0
        color: blue
        """;
    assertEquals(List.of(
        "timmy.yml:5: agents[0].kind: expected one of CLAUDE, KIMI, TIMMY, API, found \"ROBOT\"",
        "timmy.yml:7: agents[0].maxConcurrent: expected a whole number, found \"many\"",
        "timmy.yml:9: service.live: expected true or false, found \"maybe\"",
        "timmy.yml:11: budgets.operationsPerCycle: expected 0..10000, found -1",
        "timmy.yml:13: journal.retentionDays: expected 1..3650, found 0",
        "timmy.yml:14: color: unknown key; expected one of owner, agents, gitea, house, service, budgets, journal, quota, triage"),
        problems(yaml));
  }

  @Test
  void a_section_of_the_wrong_shape_is_reported_once_and_the_rest_still_validated() {
    String yaml = """
        owner:
          login: alex
        agents:
          - claude
        service: 8080
        journal:
          retentionDays: 0
        """;
    assertEquals(List.of(
        "timmy.yml:4: agents[0]: expected a mapping (key: value), found \"claude\"",
        "timmy.yml:5: service: expected a mapping (key: value), found 8080",
        "timmy.yml:7: journal.retentionDays: expected 1..3650, found 0"), problems(yaml));
  }

  @Test
  void range_problems_of_several_sections_come_together() {
    String yaml = MINIMAL + """
        budgets:
          operationsPerCycle: -1
          writeErrorsBeforeStop: 0
        journal:
          retentionDays: 0
        """;
    assertEquals(List.of(
        "timmy.yml:8: budgets.operationsPerCycle: expected 0..10000, found -1",
        "timmy.yml:9: budgets.writeErrorsBeforeStop: expected 1..1000, found 0",
        "timmy.yml:11: journal.retentionDays: expected 1..3650, found 0"), problems(yaml));
  }

  @Test
  void a_missing_owner_login_and_an_empty_roster_name_what_is_expected() {
    assertEquals(List.of(
        "timmy.yml: owner.login: expected the owner's Gitea login, found nothing",
        "timmy.yml: agents: expected at least one agent, found none"), problems("service:\n  port: 8080\n"));
  }

  @Test
  void the_gitea_section_is_checked_by_its_own_rules_with_lines() {
    String yaml = MINIMAL + """
        gitea:
          baseUrl: gitea.local
          repos: [alex/ok, not-a-repo]
        """;
    assertEquals(List.of(
        "timmy.yml:8: gitea.baseUrl: expected an http(s) URL, found gitea.local",
        "timmy.yml:9: gitea.repos: expected owner/repo, found not-a-repo"), problems(yaml));
  }

  @Test
  void live_mode_without_gitea_is_refused_because_the_demo_is_dry_run() {
    assertEquals(List.of(
        "timmy.yml:8: service.live: expected false without a gitea section (demo mode is dry-run), found true"),
        problems(MINIMAL + "service:\n  live: true\n"));
  }

  @Test
  void a_key_written_twice_is_an_error() {
    List<String> found = problems(MINIMAL + "service:\n  port: 1000\n  port: 2000\n");
    assertEquals(List.of("timmy.yml:8: service.port: expected each key once, found it again"), found);
  }

  @Test
  void duplicate_agent_names_are_reported() {
    String yaml = MINIMAL + """
          - name: Claude
            kind: CLAUDE
            login: other
        """;
    assertEquals(List.of("timmy.yml:7: agents[1].name: expected a unique name, found Claude twice"), problems(yaml));
  }

  @Test
  void broken_yaml_syntax_names_its_line() {
    List<String> found = problems("owner:\n  login: alex\n agents: [\n");
    assertEquals(1, found.size());
    assertTrue(found.get(0).matches("timmy\\.yml:[23]: not valid YAML: .*"), found.get(0));
  }

  @Test
  void a_missing_file_is_a_problem_naming_the_file(@TempDir Path dir) {
    Path file = dir.resolve("timmy.yml");
    ConfigException e = assertThrows(ConfigException.class, () -> TimmyConfig.load(file));
    assertTrue(e.getMessage().startsWith(file + ": file not found"), e.getMessage());
  }

  @Test
  void a_file_on_disk_loads_and_names_itself_in_problems(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("timmy.yml");
    Files.writeString(file, MINIMAL + "service:\n  cycleSeconds: 0\n");
    ConfigException e = assertThrows(ConfigException.class, () -> TimmyConfig.load(file));
    assertEquals(file + ":8: service.cycleSeconds: expected 1..86400, found 0", e.getMessage());
    Files.writeString(file, MINIMAL + "service:\n  cycleSeconds: 5\n");
    assertEquals(5, TimmyConfig.load(file).service().cycleSeconds());
  }

  @Test
  void the_embedded_demo_is_valid_dry_run_with_the_demo_roster() {
    TimmyConfig demo = TimmyConfig.demo();
    assertTrue(demo.demoMode());
    assertFalse(demo.service().live());
    assertEquals("alex", demo.owner().login());
    assertEquals(List.of("claude", "kimi", "timmy", "researcher"), demo.agents().stream().map(a -> a.name()).toList());
    assertEquals(List.of("ci", "build", "architecture", "security"), demo.agents().get(1).avoid());
  }

  @Test
  void listening_beyond_loopback_needs_allow_remote_said_explicitly() throws Exception {
    List<String> p = problems(MINIMAL + "service: {bind: 0.0.0.0}\n");
    assertEquals(List.of("timmy.yml:7: service.bind: expected a loopback address (127.0.0.1, ::1) unless service.allowRemote: true"
        + " is set, found 0.0.0.0"), p);
    TimmyConfig open = TimmyConfig.parse(MINIMAL + "service: {bind: 0.0.0.0, allowRemote: true}\n", "timmy.yml");
    assertFalse(open.service().loopback());
    for (String loopback : List.of("127.0.0.1", "127.1.2.3", "::1", "localhost")) {
      assertTrue(TimmyConfig.parse(MINIMAL + "service: {bind: \"" + loopback + "\"}\n", "timmy.yml").service().loopback(), loopback);
    }
  }

  @Test
  void out_of_range_ports_and_periods_are_errors_with_their_lines() {
    List<String> p = problems(MINIMAL + "service:\n  port: 70000\n  cycleSeconds: 0\njournal:\n  retentionDays: -1\n");
    assertEquals(List.of(
        "timmy.yml:8: service.port: expected 1..65535, found 70000",
        "timmy.yml:9: service.cycleSeconds: expected 1..86400, found 0",
        "timmy.yml:11: journal.retentionDays: expected 1..3650, found -1"), p);
  }
}
