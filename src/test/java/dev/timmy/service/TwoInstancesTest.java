package dev.timmy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code serve} processes on one journal: the second refuses and names the first; a SIGKILL frees the journal. */
class TwoInstancesTest {
  @TempDir Path dir;

  @Test
  void a_second_serve_on_the_same_journal_refuses_naming_the_first_and_a_killed_first_leaves_no_stale_lock() throws Exception {
    Path config = dir.resolve("timmy.yml");
    Files.writeString(config, "owner:\n  login: alex\nagents:\n  - name: kimi\n    kind: KIMI\n    login: kimi-code\n"
        + "service:\n  cycleSeconds: 3600\njournal:\n  path: " + dir.resolve("timmy.db") + "\n");
    Process first = ServeProcess.start(dir, config, 0, false);
    Process third = null;
    try {
      awaitListening(dir, 0, first);
      Process second = ServeProcess.start(dir, config, 1, false);
      assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second one gives up at once");
      assertEquals(1, second.exitValue(), ServeProcess.said(dir, 1));
      String said = ServeProcess.said(dir, 1);
      assertTrue(said.contains("is in use by another Timmy (pid " + first.pid() + " on host "), said);
      assertTrue(said.contains(dir.resolve("timmy.db.lock").toString()), said);
      assertTrue(!said.contains("Timmy listening"), said);

      first.destroyForcibly(); // SIGKILL: no shutdown hook releases anything, the OS does
      assertTrue(first.waitFor(30, TimeUnit.SECONDS));
      third = ServeProcess.start(dir, config, 2, false);
      awaitListening(dir, 2, third);
    } finally {
      first.destroyForcibly();
      if (third != null) third.destroyForcibly();
    }
  }

  private static void awaitListening(Path dir, int run, Process p) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!ServeProcess.said(dir, run).contains("Timmy listening on")) {
      if (!p.isAlive()) throw new AssertionError("serve ended: " + ServeProcess.said(dir, run));
      if (System.nanoTime() > until) throw new AssertionError("serve did not listen within 60 s: " + ServeProcess.said(dir, run));
      Thread.sleep(100);
    }
  }
}
