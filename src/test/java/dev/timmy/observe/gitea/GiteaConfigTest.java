package dev.timmy.observe.gitea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.Json;
import dev.timmy.config.GiteaConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gitea: section of timmy.yml (config/GiteaConfig, owned by the Gitea integration). */
class GiteaConfigTest {
  @Test
  void a_minimal_section_takes_every_default() throws IOException {
    GiteaConfig c = Json.yaml().readValue("baseUrl: http://hermes.local:3000\nrepos: [alex/app]\n", GiteaConfig.class);
    assertEquals(List.of(), c.problems("gitea."));
    assertEquals("TIMMY_GITEA_TOKEN", c.tokenEnv());
    assertEquals("TIMMY_WEBHOOK_SECRET", c.webhookSecretEnv());
    assertEquals("merge", c.mergeMethod());
    assertEquals(Duration.ofSeconds(5), c.connectTimeout());
    assertEquals(Duration.ofSeconds(20), c.readTimeout());
    assertEquals(50, c.pageLimit());
    assertEquals(3, c.maxAttempts());
    assertEquals(Duration.ofMinutes(60), c.fullResync());
  }

  @Test
  void every_setting_can_be_given_and_bad_values_are_named_by_key() throws IOException {
    GiteaConfig c = Json.yaml().readValue("""
        baseUrl: gitea.local
        repos: [alex/app, not-a-repo]
        mergeMethod: octopus
        pageLimit: 100
        maxAttempts: 0
        readTimeoutSeconds: 7
        newLabelColor: red
        """, GiteaConfig.class);
    assertEquals(Duration.ofSeconds(7), c.readTimeout());
    List<String> problems = c.problems("gitea.");
    assertEquals(6, problems.size(), problems.toString());
    assertTrue(problems.contains("gitea.baseUrl: expected an http(s) URL, found gitea.local"), problems.toString());
    assertTrue(problems.contains("gitea.repos: expected owner/repo, found not-a-repo"), problems.toString());
    assertTrue(problems.contains("gitea.pageLimit: expected 1..50, found 100"), problems.toString());
    assertTrue(problems.contains("gitea.maxAttempts: expected 1..10, found 0"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("gitea.mergeMethod: expected merge|")), problems.toString());
    assertTrue(problems.contains("gitea.newLabelColor: expected a hex colour like ededed, found red"), problems.toString());
  }

  @Test
  void secrets_come_from_the_named_environment_variables_only() {
    GiteaConfig c = GiteaConfig.builder("https://g", List.of("a/b")).tokenEnv("MY_TOKEN").build();
    assertEquals(java.util.Optional.of("t0k"), c.token(java.util.Map.of("MY_TOKEN", " t0k ")));
    assertTrue(c.token(java.util.Map.of("TIMMY_GITEA_TOKEN", "x")).isEmpty());
    assertTrue(c.webhookSecret(java.util.Map.of("TIMMY_WEBHOOK_SECRET", "  ")).isEmpty());
  }

  @Test
  void the_five_setting_constructor_keeps_working() {
    GiteaConfig c = GiteaConfig.builder("https://g", List.of("a/b")).mergeMethod("squash").createMissingLabels(true).build();
    assertEquals("squash", c.mergeMethod());
    assertTrue(c.createMissingLabels());
    assertEquals(10, c.retryAfterCapSeconds());
  }
}
