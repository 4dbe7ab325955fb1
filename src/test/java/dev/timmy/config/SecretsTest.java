package dev.timmy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static final String LIVE = """
      owner: {login: alex}
      agents: [{name: claude, kind: CLAUDE, login: claude-code}]
      gitea: {baseUrl: "http://gitea.local:3000", repos: [alex/app], tokenEnv: MY_GITEA_TOKEN}
      service: {live: true}
      """;

  @Test
  void secrets_come_from_the_environment_under_their_documented_names() throws Exception {
    TimmyConfig config = TimmyConfig.parse(LIVE, "timmy.yml");
    Secrets s = Secrets.fromEnvironment(Map.of("TIMMY_ADMIN_TOKEN", "adm-123", "TIMMY_WEBHOOK_SECRET", "hook-456",
        "MY_GITEA_TOKEN", "git-789"), config);
    assertEquals("adm-123", s.adminToken());
    assertEquals("hook-456", s.webhookSecret());
    assertEquals("git-789", s.giteaToken());
    assertEquals(List.of(), s.problems(config));
  }

  @Test
  void the_webhook_secret_variable_can_be_renamed_in_the_gitea_section() throws Exception {
    TimmyConfig config = TimmyConfig.parse(LIVE.replace("tokenEnv: MY_GITEA_TOKEN}", "tokenEnv: MY_GITEA_TOKEN, webhookSecretEnv: MY_HOOK}"),
        "timmy.yml");
    Secrets s = Secrets.fromEnvironment(Map.of("TIMMY_WEBHOOK_SECRET", "default-name", "MY_HOOK", "renamed"), config);
    assertEquals("renamed", s.webhookSecret());
  }

  @Test
  void to_string_says_which_secrets_are_set_and_never_their_values() {
    Secrets s = new Secrets("adm-123", "", "git-789");
    String shown = s.toString();
    assertEquals("Secrets[adminToken=set, webhookSecret=unset, giteaToken=set]", shown);
    assertFalse(shown.contains("adm-123") || shown.contains("git-789"));
  }

  @Test
  void live_gitea_without_its_token_names_the_variable_to_set() throws Exception {
    TimmyConfig config = TimmyConfig.parse(LIVE, "timmy.yml");
    Secrets s = Secrets.fromEnvironment(Map.of("MY_GITEA_TOKEN", "  "), config);
    assertNull(s.giteaToken());
    assertEquals(List.of("environment MY_GITEA_TOKEN: expected the Gitea token (named by gitea.tokenEnv) for live mode,"
        + " found nothing"), s.problems(config));
  }

  @Test
  void the_admin_token_matches_only_itself() {
    Secrets s = new Secrets("adm-123", null, null);
    assertTrue(s.adminTokenMatches("adm-123"));
    assertFalse(s.adminTokenMatches("adm-124"));
    assertFalse(s.adminTokenMatches(null));
    assertFalse(Secrets.none().adminTokenMatches(""));
  }

  @Test
  void a_token_pasted_where_a_variable_name_belongs_is_an_error_that_never_repeats_it() {
    String pasted = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b";
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> TimmyConfig.parse(
        LIVE.replace("tokenEnv: MY_GITEA_TOKEN}", "tokenEnv: " + pasted + ", webhookSecretEnv: my_hook}"), "timmy.yml"));
    List<String> p = e.problems().stream().map(ConfigProblem::toString).toList();
    assertEquals(2, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("timmy.yml:3: gitea.tokenEnv: expected the NAME of an environment variable"), p.get(0));
    assertTrue(p.get(0).contains("40 characters, not shown"), p.get(0));
    assertTrue(p.get(1).startsWith("timmy.yml:3: gitea.webhookSecretEnv: expected the NAME"), p.get(1));
    assertFalse(e.getMessage().contains(pasted) || e.getMessage().contains(pasted.substring(0, 8)), e.getMessage());
    assertFalse(e.getMessage().contains("my_hook"), "a lower-case name is refused without echo too");
  }

  @Test
  void the_start_up_notes_name_each_configured_variable_and_never_a_value() throws Exception {
    TimmyConfig config = TimmyConfig.parse(LIVE.replace("tokenEnv: MY_GITEA_TOKEN}", "tokenEnv: MY_GITEA_TOKEN, webhookSecretEnv: MY_HOOK}"),
        "timmy.yml");
    Secrets s = Secrets.fromEnvironment(Map.of("MY_GITEA_TOKEN", "git-789", "TIMMY_WEBHOOK_SECRET", "wrong-name"), config);
    List<String> notes = s.notes(config);
    assertEquals(List.of(
        "TIMMY_ADMIN_TOKEN is unset: POST routes answer 401 until Timmy is started with it",
        "MY_HOOK is unset: Gitea webhook deliveries are refused (named by gitea.webhookSecretEnv)",
        "MY_GITEA_TOKEN is set (named by gitea.tokenEnv)"), notes);
    assertFalse(String.join("\n", notes).contains("git-789"));
  }
}
