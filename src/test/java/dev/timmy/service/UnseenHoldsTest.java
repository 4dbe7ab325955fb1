package dev.timmy.service;

import dev.timmy.act.ActionCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.api.Harness;
import dev.timmy.config.Secrets;
import dev.timmy.config.TimmyConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.gitea.FakeGitea;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unseen means untouched: when a repository's comments cannot be read, nothing is written about its items, live. */
class UnseenHoldsTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  @TempDir Path dir;

  @Test
  void a_repository_whose_comments_failed_gets_no_write_at_all_while_the_other_is_served() throws Exception {
    try (GiteaTestServer t = new GiteaTestServer()) {
      t.gitea.now = T;
      FakeRepo app = t.gitea.repo("alex/app");
      app.addIssue(1, "Crash on start", "alex", T.minus(Duration.ofDays(20)), "bug", "p1");
      app.addComment(1, "alex", T.minus(Duration.ofDays(1)), "/timmy hold, I'm thinking about this one");
      app.addIssue(2, "Write the docs", "alex", T.minus(Duration.ofDays(20)), "docs");
      FakeRepo web = t.gitea.repo("alex/web");
      web.addIssue(1, "Broken link", "alex", T.minus(Duration.ofDays(20)), "bug", "p1");
      t.gitea.fail(FakeGitea.path("^/api/v1/repos/alex/app/issues/comments$"), 1_000, FakeGitea.error(500, "database is locked"));
      TimmyConfig config = TimmyConfig.parse(LiveServiceTest.yaml(t, "[alex/app, alex/web]", """
          service:
            cycleSeconds: 3600
          journal:
            path: %s
          """.formatted(dir.resolve("timmy.db"))), "timmy.yml");
      try (Harness h = Harness.start(config, new Secrets(Harness.ADMIN_TOKEN, null, "gitea-tok"),
          ServeOptions.defaults().clock(() -> t.gitea.now).live(true))) {
        Snapshot s = h.service.latest().decided().orElseThrow().snapshot();
        assertFalse(s.complete());
        assertFalse(s.holdsSeen("alex/app#1"), "alex/app's comments were not read");
        assertTrue(s.holdsSeen("alex/web#1"));
        long cycle = h.service.latest().decided().orElseThrow().cycle().id();
        List<ActionRow> rows = h.service.journal().reader().actions(cycle);
        List<ActionRow> app1 = rows.stream().filter(r -> r.subject().startsWith("alex/app#")).toList();
        assertFalse(app1.isEmpty(), "the rules still proposed something about alex/app: " + rows);
        for (ActionRow r : app1) {
          boolean tellsAlex = r.kind() == ActionKind.ESCALATE;
          assertTrue(tellsAlex || (r.status() == ActionStatus.REFUSED && ActionCode.HOLDS_UNSEEN.equals(r.code())), r.toString());
        }
        assertTrue(rows.stream().anyMatch(r -> r.subject().startsWith("alex/web#") && r.status() == ActionStatus.DONE),
            "the readable repository is still served: " + rows);
        List<String> appWrites = t.gitea.requests.stream()
            .filter(r -> !r.getMethod().equals("GET") && r.getUrl().encodedPath().startsWith("/api/v1/repos/alex/app/"))
            .map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
        assertEquals(List.of(), appWrites, "not a label, an assignment or a comment on alex/app");
        System.out.println("unseen holds: " + app1.stream().map(r -> r.kind() + " " + r.subject() + " " + r.code()).toList());
      }
    }
  }
}
