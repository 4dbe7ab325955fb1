package dev.timmy.act.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.ActionRefused;
import dev.timmy.config.HouseConfig.LoopSpec;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.LoopKind;
import dev.timmy.host.RestartLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopTargetTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  final RestartLedger ledger = new RestartLedger(Duration.ofHours(6));
  @TempDir Path dir;

  static LoopSpec loop(String name, List<String> argv, Boolean restartable) {
    return new LoopSpec(name, LoopKind.HEARTBEAT, 300, "/tmp/hb", null, null, null, null, argv, restartable);
  }

  LoopTarget target(Duration timeout, LoopSpec... loops) {
    return new LoopTarget(List.of(loops), timeout, ledger, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static ProposalItem restart(String loop) {
    return new ProposalItem("RESTART_LOOP:loop:" + loop, ActionKind.RESTART_LOOP, "loop:" + loop, Map.of("loop", loop),
        "LOOP-003", "t", "t", List.of(), List.of());
  }

  @Test
  void the_configured_argv_runs_without_a_shell_and_its_output_is_the_outcome() throws Exception {
    Path marker = dir.resolve("pwned");
    LoopTarget t = target(Duration.ofSeconds(10), loop("hb", List.of("/bin/echo", "restarting; touch " + marker), null));

    String outcome = t.perform(restart("hb"));

    assertEquals("restarted hb with [/bin/echo, restarting; touch " + marker + "]: exit 0; output: restarting; touch " + marker, outcome);
    assertFalse(Files.exists(marker), "no shell interpreted the ; in the argument");
    assertEquals(1, ledger.recent("hb", NOW));
  }

  @Test
  void a_restart_is_already_done_for_one_period_after_timmy_did_it() throws Exception {
    LoopTarget t = target(Duration.ofSeconds(10), loop("hb", List.of("/bin/true"), null));
    assertFalse(t.alreadyDone(restart("hb")));
    t.perform(restart("hb"));
    assertTrue(t.alreadyDone(restart("hb")));
  }

  @Test
  void a_failing_command_fails_the_action_with_exit_code_and_output_and_still_counts_as_a_restart() throws Exception {
    LoopTarget t = target(Duration.ofSeconds(10), loop("hb", List.of("/bin/sh", "-c", "echo launchctl: no such service >&2; exit 3"), null));
    IOException e = assertThrows(IOException.class, () -> t.perform(restart("hb")));
    assertTrue(e.getMessage().endsWith("exited 3; output: launchctl: no such service"), e.getMessage());
    assertEquals(1, ledger.recent("hb", NOW), "a failed restart is a restart: two of them reach the escalation");
    assertTrue(t.alreadyDone(restart("hb")), "and it is not retried before the loop had a period to show life");
  }

  @Test
  void a_restart_command_that_cannot_even_start_counts_as_a_restart() {
    LoopTarget t = target(Duration.ofSeconds(10), loop("hb", List.of(dir.resolve("no-such-command").toString()), null));
    assertThrows(IOException.class, () -> t.perform(restart("hb")));
    assertEquals(1, ledger.recent("hb", NOW));
  }

  @Test
  void a_command_that_hangs_is_killed_at_the_timeout() {
    LoopTarget t = target(Duration.ofMillis(500), loop("hb", List.of("/bin/sleep", "30"), null));
    long t0 = System.nanoTime();
    IOException e = assertThrows(IOException.class, () -> t.perform(restart("hb")));
    assertTrue((System.nanoTime() - t0) / 1e9 < 5, "did not wait for sleep 30");
    assertTrue(e.getMessage().contains("still running after 0 s, killed"), e.getMessage());
  }

  @Test
  void an_interrupted_restart_leaves_no_child_running() throws Exception {
    String mark = "61.2" + (System.nanoTime() % 1000);   // a sleep length no other process uses
    LoopTarget t = target(Duration.ofSeconds(30), loop("hb", List.of("/bin/sh", "-c", "sleep " + mark + " & wait"), null));
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        t.perform(restart("hb"));
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    worker.start();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (sleeping(mark) == 0 && System.nanoTime() < deadline) Thread.sleep(20);
    assertEquals(1, sleeping(mark), "the restart's child is running");
    worker.interrupt();
    worker.join(5000);
    assertTrue(thrown.get() instanceof IOException && thrown.get().getMessage().contains("interrupted"), String.valueOf(thrown.get()));
    deadline = System.nanoTime() + 5_000_000_000L;
    while (sleeping(mark) > 0 && System.nanoTime() < deadline) Thread.sleep(20);
    assertEquals(0, sleeping(mark), "the child was killed with its parent");
  }

  private static long sleeping(String mark) {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false)
            && p.info().commandLine().map(c -> c.contains(mark)).orElse(false))
        .count();
  }

  @Test
  void long_output_is_truncated() throws Exception {
    LoopTarget t = target(Duration.ofSeconds(10), loop("hb", List.of("/bin/sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x"), null));
    String outcome = t.perform(restart("hb"));
    assertTrue(outcome.endsWith("… (100000 bytes, truncated)"), outcome.substring(Math.max(0, outcome.length() - 80)));
    assertTrue(outcome.length() < LoopTarget.OUTPUT_LIMIT + 200, "outcome length " + outcome.length());
  }

  @Test
  void a_loop_not_in_the_config_or_not_restartable_is_refused() {
    LoopTarget t = target(Duration.ofSeconds(10), loop("hb", List.of("/bin/true"), false));
    ActionRefused unknown = assertThrows(ActionRefused.class, () -> t.perform(restart("rm-rf")));
    assertEquals("loop rm-rf: not in house.loops, so Timmy has no command for it", unknown.getMessage());
    ActionRefused refused = assertThrows(ActionRefused.class, () -> t.perform(restart("hb")));
    assertTrue(refused.getMessage().startsWith("loop hb: not restartable"), refused.getMessage());
    assertEquals(0, ledger.recent("hb", NOW));
  }
}
