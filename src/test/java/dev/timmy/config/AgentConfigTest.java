package dev.timmy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timmy.facts.Agent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roster, the quota section and the agent window of timmy.yml, with every problem on its line. */
class AgentConfigTest {
  private static final String OWNER = "owner:\n  login: alex\n";

  private static List<String> problems(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> TimmyConfig.parse(yaml, "timmy.yml"));
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void every_roster_field_is_read_and_the_provider_follows_the_kind_unless_given() throws Exception {
    TimmyConfig c = TimmyConfig.parse(OWNER + """
        agents:
          - name: claude
            kind: CLAUDE
            login: claude-code
            readyLabel: claude-ready
            strengths: [architecture, tests]
            avoid: [docs]
            maxConcurrent: 3
            processNames: [claude]
            enabled: false
          - name: kimi
            kind: KIMI
            login: kimi-code
            provider: kimi-cloud
          - name: timmy
            kind: TIMMY
            login: timmy
        """, "timmy.yml");
    assertEquals(List.of(
        new Agent("claude", dev.timmy.facts.AgentKind.CLAUDE, "claude-code", "claude-ready", List.of("architecture", "tests"),
            List.of("docs"), 3, List.of("claude"), false, "anthropic"),
        new Agent("kimi", dev.timmy.facts.AgentKind.KIMI, "kimi-code", "kimi-ready", List.of(), List.of(), 1, List.of(), true,
            "kimi-cloud"),
        new Agent("timmy", dev.timmy.facts.AgentKind.TIMMY, "timmy", "timmy-ready", List.of(), List.of(), 1, List.of(), true, "")),
        c.agents());
    assertNull(c.quota());
  }

  @Test
  void blank_words_process_paths_shared_ready_labels_and_odd_providers_are_reported_on_their_lines() {
    assertEquals(List.of(
        "timmy.yml:7: agents[0].strengths[1]: expected text, found nothing",
        "timmy.yml:8: agents[0].processNames: expected process names (no paths), found /usr/bin/claude",
        "timmy.yml:9: agents[0].provider: expected a quota provider name such as anthropic, found anthropic cloud",
        "timmy.yml:13: agents[1].readyLabel: expected a label of this agent alone, found claude-ready twice"),
        problems(OWNER + """
            agents:
              - name: claude
                kind: CLAUDE
                login: claude-code
                strengths: [tests, " "]
                processNames: [/usr/bin/claude]
                provider: anthropic cloud
              - name: kimi
                kind: KIMI
                login: kimi-code
                readyLabel: claude-ready
            """));
  }

  @Test
  void an_agent_process_the_house_does_not_watch_is_reported_since_the_agent_would_look_offline() throws Exception {
    String roster = "agents:\n  - {name: claude, kind: CLAUDE, login: claude-code, processNames: [claude-cli]}\n";
    assertEquals(List.of("timmy.yml:4: agents[0].processNames: expected names the house watches (add claude-cli to "
        + "house.watchedProcesses), found claude-cli"), problems(OWNER + roster + "house:\n  watchedProcesses: [ollama]\n"));
    TimmyConfig.parse(OWNER + roster + "house:\n  watchedProcesses: [ollama, claude-cli]\n", "timmy.yml");
    TimmyConfig.parse(OWNER + roster, "timmy.yml");
  }

  @Test
  void the_quota_section_is_read_and_checked() throws Exception {
    String roster = "agents:\n  - {name: claude, kind: CLAUDE, login: claude-code}\n";
    TimmyConfig c = TimmyConfig.parse(OWNER + roster + "quota:\n  url: http://127.0.0.1:8088/quota\n  tokenEnv: QUOTA_TOKEN\n",
        "timmy.yml");
    assertEquals(new QuotaConfig(null, "http://127.0.0.1:8088/quota", "QUOTA_TOKEN", 5), c.quota());
    assertEquals(List.of("timmy.yml:6: quota.file: expected either file (a JSON file) or url (an http(s) endpoint), found both",
        "timmy.yml:8: quota.timeoutSeconds: expected 1..60, found 90"),
        problems(OWNER + roster + "quota:\n  file: /etc/quota.json\n  url: http://q\n  timeoutSeconds: 90\n"));
  }

  @Test
  void the_agent_window_and_history_refresh_live_in_the_gitea_section() throws Exception {
    String base = OWNER + "agents:\n  - {name: claude, kind: CLAUDE, login: claude-code}\ngitea:\n  baseUrl: http://gitea:3000\n"
        + "  repos: [alex/app]\n";
    GiteaConfig g = TimmyConfig.parse(base, "timmy.yml").gitea();
    assertEquals(Duration.ofDays(14), g.agentWindow());
    assertEquals(Duration.ofMinutes(30), g.historyRefresh());
    assertEquals(Duration.ofDays(7), TimmyConfig.parse(base + "  agentWindowDays: 7\n", "timmy.yml").gitea().agentWindow());
    assertEquals(List.of("timmy.yml:8: gitea.agentWindowDays: expected 1..90, found 365"),
        problems(base + "  agentWindowDays: 365\n"));
  }
}
