package dev.timmy.service;

import static dev.timmy.decide.SameDecision.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.api.Harness;
import dev.timmy.api.Latest;
import dev.timmy.decide.RuleBook;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service run of several cycles on a fake Gitea whose backlog changes between them (and with
 * Timmy's own writes, as it runs live), the clocks fixed: each cycle decides in the session that
 * lives across cycles exactly what a fresh evaluation of that cycle's snapshot decides.
 */
class IncrementalServiceTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  @TempDir Path dir;

  /** One change to the world before a cycle, and how far the clocks move. */
  private record Change(String what, Duration later, Runnable apply) {}

  @Test
  void every_cycle_of_a_live_run_decides_as_a_fresh_evaluation_of_its_snapshot_and_steady_cycles_fire_less()
      throws Exception {
    RuleBook fresh = RuleBook.open(Path.of("rules"));
    try (GiteaTestServer t = new GiteaTestServer()) {
      t.gitea.now = T;
      FakeRepo repo = t.gitea.repo("alex/app");
      String[][] labels = {{"bug", "p1"}, {"docs"}, {"feature"}, {"bug"}, {"security"}, {}, {"small"}, {"p0", "bug"}};
      for (int n = 1; n <= labels.length; n++) repo.addIssue(n, "Issue " + n, "alex", T.minus(Duration.ofDays(3L * n)), labels[n - 1]);
      repo.addPull(20, "Fix the crash", "kimi-code", T.minus(Duration.ofHours(3)), "abc123", "success");
      List<Change> changes = List.of(
          new Change("a comment from alex", Duration.ofMinutes(5), () -> repo.addComment(2, "alex", t.gitea.now, "please look at this")),
          new Change("a label added", Duration.ofMinutes(5), () -> label(repo, 4, "p0", t.gitea.now)),
          new Change("an issue closed", Duration.ofHours(2), () -> repo.closeIssue(3, t.gitea.now, t.gitea.now)),
          new Change("a new issue", Duration.ofMinutes(1), () -> repo.addIssue(9, "New crash", "bob", t.gitea.now, "bug", "p0")),
          new Change("CI went red", Duration.ofMinutes(1), () -> repo.setStatus("abc123", "failure", "ci/build")),
          new Change("ten days pass", Duration.ofDays(10), () -> {}),
          new Change("nothing", Duration.ZERO, () -> {}),
          new Change("nothing again", Duration.ZERO, () -> {}));
      try (Harness h = LiveServiceTest.live(t, dir)) {
        Latest.Decided first = h.service.latest().decided().orElseThrow();
        assertSame(fresh.evaluate(first.snapshot()), first.decision(), "the first cycle");
        List<String> firings = new ArrayList<>();
        for (Change c : changes) {
          t.gitea.now = t.gitea.now.plus(c.later());
          c.apply().run();
          CycleRow row = h.service.loop().triggerNow("test").get(60, TimeUnit.SECONDS);
          assertEquals(CycleStatus.OK, row.status(), c.what() + ": " + row.error());
          Latest.Decided d = h.service.latest().decided().orElseThrow();
          assertEquals(row.id(), d.cycle().id());
          int full = fresh.evaluate(d.snapshot()).firings();
          assertSame(fresh.evaluate(d.snapshot()), d.decision(), "after " + c.what() + " (cycle " + row.id() + ")");
          firings.add(c.what() + ": " + d.decision().firings() + " of " + full);
        }
        System.out.println("IncrementalServiceTest firings, live of fresh: " + firings);
        Latest.Decided last = h.service.latest().decided().orElseThrow();
        assertEquals(0, last.decision().firings(), "an unchanged world fires nothing in the live session: " + firings);
      }
    }
  }

  private static void label(FakeRepo repo, int issue, String name, Instant at) {
    ObjectNode i = repo.issues.get(issue);
    i.withArray("labels").add(repo.label(name));
    i.put("updated_at", at.toString());
  }
}
