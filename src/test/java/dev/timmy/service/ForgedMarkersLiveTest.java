package dev.timmy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.api.Harness;
import dev.timmy.config.Secrets;
import dev.timmy.config.ServiceConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.act.Mode;
import dev.timmy.gitea.FakeGitea;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole live pipeline against a fake Gitea: a stale-warning marker someone else wrote, pasted
 * or quoted, closes nothing; Timmy's own warning, as old, does close.
 */
class ForgedMarkersLiveTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  @TempDir Path dir;

  static String warning(int n) {
    return "This issue has had no activity for 15 days, so Timmy marked it `stale`.\n\n<!-- timmy:COMMENT:alex/app#" + n
        + ":topic=stale-warning -->";
  }

  @Test
  void a_forged_or_quoted_stale_warning_closes_nothing_and_timmys_own_closes() throws Exception {
    try (GiteaTestServer t = new GiteaTestServer()) {
      t.gitea.now = T;
      FakeRepo repo = t.gitea.repo("alex/app");
      Instant old = T.minus(Duration.ofDays(40));
      for (int n = 1; n <= 3; n++) repo.addIssue(n, "old idea " + n, "alex", old, "stale");
      repo.addComment(1, "mara", T.minus(Duration.ofDays(8)), warning(1));
      repo.addComment(2, FakeGitea.TIMMY, T.minus(Duration.ofDays(8)), warning(2));
      repo.addComment(3, FakeGitea.TIMMY, T.minus(Duration.ofDays(9)), warning(3));
      repo.addComment(3, "alex", T.minus(Duration.ofDays(8)), "> " + warning(3).replace("\n", "\n> ") + "\n\nKeep it, please.");

      TimmyConfig d = Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules"));
      TimmyConfig config = new TimmyConfig(d.owner(), d.agents(), t.config(List.of("alex/app"), true), null,
          new ServiceConfig(8377, "127.0.0.1", 3600, true, "rules", "fixtures/demo"), d.budgets(), d.journal());
      try (Harness h = Harness.start(config, new Secrets(Harness.ADMIN_TOKEN, null, "gitea-tok"),
          ServeOptions.defaults().clock(() -> t.gitea.now))) {
        assertEquals(Mode.LIVE, h.service.mode());
        assertTrue(h.service.latest().decided().orElseThrow().snapshot().complete());
        assertEquals("closed", repo.issues.get(2).path("state").asText(), "Timmy's own week-old warning closes: " + t.gitea.lines());
        assertEquals("open", repo.issues.get(1).path("state").asText(), "mara's pasted marker is her comment");
        assertEquals("open", repo.issues.get(3).path("state").asText(), "Alex's quote-reply is his comment");
      }
    }
  }
}
