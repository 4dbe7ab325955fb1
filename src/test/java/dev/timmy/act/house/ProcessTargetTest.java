package dev.timmy.act.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.timmy.act.ActionRefused;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stops real processes this test starts; never one it did not start. */
class ProcessTargetTest {
  final List<Process> started = new ArrayList<>();
  final ProcessTarget target = new ProcessTarget(List.of("sleep"), Duration.ofMillis(700));

  @AfterEach
  void kill_what_the_test_started() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  /** Starts {@code argv} and waits until the process has exec'd into {@code command}. */
  Process start(String command, String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    started.add(p);
    for (int i = 0; i < 100 && !p.info().command().orElse("").endsWith("/" + command); i++) Thread.sleep(20);
    assertTrue(p.info().command().orElse("").endsWith("/" + command), "exec'd into " + command + ": " + p.info());
    return p;
  }

  static ProposalItem stop(long pid, String name) {
    return new ProposalItem("STOP_PROCESS:process:" + pid, ActionKind.STOP_PROCESS, "process:" + pid, Map.of("name", name),
        "HOUSE-0XX", "t", "t", List.of(), List.of());
  }

  @Test
  void a_configured_process_of_the_same_user_stops_on_sigterm() throws Exception {
    Process p = start("sleep", "/bin/sleep", "300");
    assertFalse(target.alreadyDone(stop(p.pid(), "sleep")));
    String outcome = target.perform(stop(p.pid(), "sleep"));
    assertEquals("stopped sleep (pid " + p.pid() + ") with SIGTERM", outcome);
    assertTrue(p.waitFor(2, TimeUnit.SECONDS));
    assertEquals(128 + 15, p.exitValue(), "ended by SIGTERM");
    assertTrue(target.alreadyDone(stop(p.pid(), "sleep")));
  }

  @Test
  void a_process_that_ignores_sigterm_gets_sigkill_after_the_grace_period() throws Exception {
    // An ignored signal stays ignored across exec: this sleep ignores SIGTERM.
    Process p = start("sleep", "/bin/sh", "-c", "trap '' TERM; exec /bin/sleep 300");
    long t0 = System.nanoTime();
    String outcome = target.perform(stop(p.pid(), "sleep"));
    assertTrue((System.nanoTime() - t0) / 1e6 >= 600, "waited the grace period first");
    assertTrue(outcome.endsWith("with SIGKILL after 0 s of SIGTERM"), outcome);
    assertTrue(p.waitFor(2, TimeUnit.SECONDS));
    assertEquals(128 + 9, p.exitValue(), "ended by SIGKILL");
  }

  @Test
  void a_process_whose_name_is_not_configured_is_refused_and_keeps_running() throws Exception {
    Process p = start("sleep", "/bin/sh", "-c", "exec /bin/sleep 300");
    ProcessTarget onlyOllama = new ProcessTarget(List.of("ollama"), Duration.ofMillis(100));
    String why = assertThrows(ActionRefused.class, () -> onlyOllama.perform(stop(p.pid(), "ollama"))).getMessage();
    assertTrue(why.contains("is not among house.stoppableProcesses"), why);
    assertTrue(p.isAlive());
  }

  @Test
  void a_proposal_naming_another_process_than_the_live_one_is_refused() throws Exception {
    Process p = start("sleep", "/bin/sleep", "300");
    ProcessTarget both = new ProcessTarget(List.of("sleep", "ollama"), Duration.ofMillis(100));
    String why = assertThrows(ActionRefused.class, () -> both.perform(stop(p.pid(), "ollama"))).getMessage();
    assertEquals("refused to stop pid " + p.pid() + ": it is sleep now, the proposal says ollama", why);
    assertTrue(p.isAlive());
  }

  @Test
  void a_process_of_another_user_is_refused() throws Exception {
    Process p;
    if (System.getProperty("user.name").equals("root") && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
      p = start("sleep", "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sleep", "300");
    } else {
      // Not root: pretend Timmy runs as someone else, so this user's sleep belongs to "another user".
      p = start("sleep", "/bin/sleep", "300");
    }
    String me = System.getProperty("user.name").equals("root") ? "root" : "someone-else";
    ProcessTarget t = new ProcessTarget(List.of("sleep"), Duration.ofMillis(100), me);
    assumeTrue(!p.info().user().orElse(me).equals(me), "could not start a process as another user");
    String why = assertThrows(ActionRefused.class, () -> t.perform(stop(p.pid(), "sleep"))).getMessage();
    assertTrue(why.contains("belongs to " + p.info().user().orElseThrow() + ", not " + me), why);
    assertTrue(p.isAlive());
  }

  @Test
  void timmy_never_stops_itself_and_a_gone_pid_is_already_done() throws Exception {
    long me = ProcessHandle.current().pid();
    ProcessTarget java = new ProcessTarget(List.of("java"), Duration.ofMillis(100));
    assertTrue(assertThrows(ActionRefused.class, () -> java.perform(stop(me, "java"))).getMessage().contains("it is Timmy"));

    Process p = new ProcessBuilder("/bin/true").start();
    assertTrue(p.waitFor(2, TimeUnit.SECONDS));
    assertTrue(target.alreadyDone(stop(p.pid(), "sleep")));
    assertThrows(ActionRefused.class, () -> target.perform(
        new ProposalItem("x", ActionKind.STOP_PROCESS, "host", Map.of("name", "sleep"), "H", "t", "t", List.of(), List.of())));
  }

  @Test
  void a_process_whose_arguments_name_a_stoppable_process_is_not_that_process(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Path log = Files.writeString(tmp.resolve("claude"), "log\n");
    Process tail = start("tail", "/usr/bin/tail", "-f", log.toString());
    ProcessTarget claude = new ProcessTarget(List.of("claude"), Duration.ofMillis(100));
    String why = assertThrows(ActionRefused.class, () -> claude.perform(stop(tail.pid(), "claude"))).getMessage();
    assertTrue(why.contains("/usr/bin/tail is not among house.stoppableProcesses"), why);
    assertTrue(tail.isAlive());
  }

  @Test
  void pid_1_and_timmy_itself_are_refused_before_anything_is_looked_up_in_dry_run_too() {
    ProcessTarget any = new ProcessTarget(List.of("init", "systemd", "launchd", "java"), Duration.ofMillis(100));
    assertTrue(any.refusal(stop(1, "systemd")).orElse("").contains("init process"));
    assertTrue(any.refusal(stop(0, "systemd")).orElse("").contains("init process"));
    assertTrue(any.refusal(stop(ProcessHandle.current().pid(), "java")).orElse("").contains("it is Timmy"));
    assertThrows(ActionRefused.class, () -> any.perform(stop(1, "systemd")));
  }

  @Test
  void dry_run_refuses_a_process_whose_executable_is_not_the_name_without_signalling_it() throws Exception {
    Process p = start("sleep", "/bin/sleep", "300");
    ProcessTarget both = new ProcessTarget(List.of("sleep", "ollama"), Duration.ofMillis(100));
    assertEquals("refused to stop pid " + p.pid() + ": it is sleep now, the proposal says ollama",
        both.refusal(stop(p.pid(), "ollama")).orElse(""));
    assertEquals(java.util.Optional.empty(), both.refusal(stop(p.pid(), "sleep")), "live would stop it");
    assertTrue(p.isAlive());
  }
}
