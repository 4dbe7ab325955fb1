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
}
