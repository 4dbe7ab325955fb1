package dev.timmy.act.house;

import dev.timmy.act.ActionCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.Authority;
import dev.timmy.act.Executor;
import dev.timmy.act.Target;
import dev.timmy.config.BudgetConfig;
import dev.timmy.config.HouseConfig.LoopSpec;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.LoopKind;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import dev.timmy.host.CleanupRoots;
import dev.timmy.observe.house.CleanupTree;
import dev.timmy.host.OllamaFixtures;
import dev.timmy.host.OpenFiles;
import dev.timmy.host.RestartLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** House targets' refusals reach the journal as REFUSED with their reason, never as write errors. */
class HouseRefusalsTest {
  @TempDir Path dir;
  Given.Clock clock;
  Journal journal;
  MockWebServer ollama;
  CleanupTree tree;
  List<Target> targets;

  @BeforeEach
  void open() throws Exception {
    clock = new Given.Clock(Given.NOW);
    journal = Journal.open(dir.resolve("timmy.db"), clock);
    ollama = new MockWebServer();
    ollama.start();
    tree = new CleanupTree(Files.createDirectories(dir.resolve("tree")));
    targets = List.of(
        new LoopTarget(List.of(new LoopSpec("hb", LoopKind.HEARTBEAT, 300, "/tmp/hb", null, null, null, null, List.of("/bin/true"), false)),
            Duration.ofSeconds(5), new RestartLedger(Duration.ofHours(6)), Clock.systemUTC()),
        new ProcessTarget(List.of("sleep"), Duration.ofMillis(500)),
        new OllamaTarget(OllamaFixtures.client(ollama), "30m"),
        new FileTarget(new CleanupRoots(tree.config()), OpenFiles.viaProc(), Clock.systemUTC()));
  }

  @AfterEach
  void close() {
    ollama.close();
  }

  List<ActionRow> cycle(Mode mode, ProposalItem... proposals) {
    Authority authority = new Authority(new OwnerConfig("alex", null, null), new BudgetConfig(20, 3, 2, 30), journal.reader(), clock);
    long id = journal.beginCycle("test", mode, "r");
    return new Executor(targets, journal, mode).execute(id, List.of(proposals),
        authority.open(Given.snapshot(List.of(), List.of()), mode)).actions();
  }

  static ProposalItem p(ActionKind kind, String subject, Map<String, String> params) {
    return Given.proposal(kind, subject, params);
  }

  @Test
  void proposals_a_house_target_can_never_carry_out_are_refused_in_a_dry_run_with_the_target_s_reason() {
    List<ActionRow> rows = cycle(Mode.DRY_RUN,
        p(ActionKind.RESTART_LOOP, "loop:rm-rf", Map.of()),
        p(ActionKind.RESTART_LOOP, "loop:hb", Map.of()),
        p(ActionKind.STOP_PROCESS, "process:1", Map.of("name", "launchd")),
        p(ActionKind.LOAD_MODEL, "model:qwen3:8b", Map.of("keepAlive", "forever")),
        p(ActionKind.DELETE_FILE, "disk:/", Map.of()));
    assertEquals(List.of(
        "loop rm-rf: not in house.loops, so Timmy has no command for it",
        "loop hb: not restartable in house.loops (restartable=false, restart=[/bin/true])",
        "refused to stop pid 1: it is the system's init process",
        "keepAlive of LOAD_MODEL:model:qwen3:8b:keepAlive=forever: expected a duration like 30m or -1, found forever",
        "DELETE_FILE:disk:/: expected subject file:<path>, found disk:/"), rows.stream().map(ActionRow::outcome).toList());
    assertTrue(rows.stream().allMatch(r -> r.status() == ActionStatus.REFUSED && r.code().equals(ActionCode.TARGET)), rows.toString());
    assertEquals(0, ollama.getRequestCount());
  }

  @Test
  void a_refusal_on_live_state_is_refused_not_failed_and_leaves_the_breaker_closed() {
    Path old = tree.root.resolve("old.log");
    Path young = tree.root.resolve("young.log");
    Path outside = tree.outside.resolve("secret.log");
    Path link = tree.root.resolve("link-to-outside.log");
    List<ActionRow> rows = cycle(Mode.LIVE,
        p(ActionKind.DELETE_FILE, "file:" + old, Map.of()),
        p(ActionKind.DELETE_FILE, "file:" + young, Map.of()),
        p(ActionKind.DELETE_FILE, "file:" + outside, Map.of()),
        p(ActionKind.DELETE_FILE, "file:" + link, Map.of()));
    // The target's own checks run before acting (as in dry-run), so these are refused up front.
    assertEquals(List.of("DONE null", "REFUSED target", "REFUSED target", "REFUSED target"),
        rows.stream().map(r -> r.status() + " " + r.code()).toList(), "with 2 write errors the breaker would refuse the last");
    assertTrue(rows.get(1).outcome().contains("younger than the root's 7 days"), rows.get(1).outcome());
    assertTrue(rows.get(2).outcome().contains("not below a configured cleanup root"), rows.get(2).outcome());
    assertTrue(rows.get(3).outcome().contains("symbolic link"), rows.get(3).outcome());
    assertEquals(0, journal.reader().failureStreak(5).failures(), "no refusal counts as a write error");
    assertTrue(Files.exists(young) && Files.exists(outside) && Files.isSymbolicLink(link));
  }
}
