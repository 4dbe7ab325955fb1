package dev.timmy.observe.house;

import dev.timmy.host.RestartLedger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.HouseConfig.LoopSpec;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.CiState;
import dev.timmy.facts.LoopKind;
import dev.timmy.facts.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopProbeTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  @TempDir Path dir;
  final OkHttpClient http = new OkHttpClient();
  final RestartLedger ledger = new RestartLedger(Duration.ofHours(6));

  static LoopSpec loop(String name, LoopKind kind, String path, String url, String process) {
    return new LoopSpec(name, kind, 300, path, url, process, null, null, List.of("/bin/true"), null);
  }

  LoopProbe probe(LoopSpec... specs) {
    return new LoopProbe(List.of(specs), http, Duration.ofSeconds(2), ledger);
  }

  static AutomationLoop only(LoopReading r) {
    assertEquals(List.of(), r.gaps());
    assertEquals(1, r.loops().size());
    return r.loops().get(0);
  }

  Path file(String name, String content, Instant mtime) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    Files.setLastModifiedTime(f, FileTime.from(mtime));
    return f;
  }

  @Test
  void a_heartbeat_is_its_files_mtime_and_a_missing_file_never_succeeded() throws Exception {
    Path beat = file("heartbeat", "", NOW.minusSeconds(2400));
    AutomationLoop l = only(probe(loop("hb", LoopKind.HEARTBEAT, beat.toString(), null, null)).read(NOW, List.of(), CiStatus.Source.none()));
    assertEquals(NOW.minusSeconds(2400), l.lastSuccessAt());
    assertEquals(300, l.expectedPeriodSeconds());
    assertTrue(l.restartable());

    AutomationLoop missing = only(probe(loop("hb", LoopKind.HEARTBEAT, dir.resolve("nope").toString(), null, null))
        .read(NOW, List.of(), CiStatus.Source.none()));
    assertNull(missing.lastSuccessAt());
    assertTrue(missing.detail().contains("is missing"), missing.detail());
  }

  @Test
  void cron_failures_count_once_per_new_run_and_a_success_resets_them() throws Exception {
    LoopProbe p = probe(loop("backup", LoopKind.CRON, dir.resolve("status").toString(), null, null));
    file("status", "0\n", NOW.minusSeconds(3 * 86400));
    assertEquals(0, only(p.read(NOW, List.of(), CiStatus.Source.none())).consecutiveFailures());

    file("status", "1\n", NOW.minusSeconds(2 * 86400));
    AutomationLoop once = only(p.read(NOW, List.of(), CiStatus.Source.none()));
    assertEquals(1, once.consecutiveFailures());
    assertEquals(1, only(p.read(NOW, List.of(), CiStatus.Source.none())).consecutiveFailures(), "same run read again");

    file("status", "FAILED: disk full\n", NOW.minusSeconds(86400));
    AutomationLoop twice = only(p.read(NOW, List.of(), CiStatus.Source.none()));
    assertEquals(2, twice.consecutiveFailures());
    assertEquals(NOW.minusSeconds(3 * 86400), twice.lastSuccessAt(), "the last success is remembered");
    assertEquals(NOW.minusSeconds(86400), twice.lastRunAt());

    file("status", "rsync: 1204 files sent\n", NOW.minusSeconds(60));
    AutomationLoop ok = only(p.read(NOW, List.of(), CiStatus.Source.none()));
    assertEquals(0, ok.consecutiveFailures(), "a log line counts as a run that went well");
    assertEquals(NOW.minusSeconds(60), ok.lastSuccessAt());
  }

  @Test
  void an_http_loop_fails_on_errors_and_on_silence_and_recovers_on_2xx() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      LoopProbe p = probe(loop("dashboard", LoopKind.HTTP, null, server.url("/health").toString(), null));
      server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
      server.enqueue(new MockResponse.Builder().code(503).body("down").build());
      server.enqueue(new MockResponse.Builder().code(502).body("down").build());
      server.enqueue(new MockResponse.Builder().code(204).build());

      assertEquals(0, only(p.read(NOW, List.of(), CiStatus.Source.none())).consecutiveFailures());
      assertEquals(1, only(p.read(NOW.plusSeconds(60), List.of(), CiStatus.Source.none())).consecutiveFailures());
      AutomationLoop bad = only(p.read(NOW.plusSeconds(120), List.of(), CiStatus.Source.none()));
      assertEquals(2, bad.consecutiveFailures());
      assertEquals(NOW, bad.lastSuccessAt());
      assertTrue(bad.detail().endsWith("answered HTTP 502"), bad.detail());
      assertEquals(0, only(p.read(NOW.plusSeconds(180), List.of(), CiStatus.Source.none())).consecutiveFailures());
    }
  }

  @Test
  void a_process_loop_is_alive_while_its_process_runs_and_unknown_without_a_process_list() {
    LoopProbe p = probe(loop("runner", LoopKind.PROCESS, null, null, "agent-runner"));
    ProcessInfo running = new ProcessInfo(42, "agent-runner", "alex", 1 << 20, 0.5, NOW.minusSeconds(600));
    assertEquals(NOW, only(p.read(NOW, List.of(running), CiStatus.Source.none())).lastSuccessAt());
    assertEquals(1, only(p.read(NOW.plusSeconds(60), List.of(), CiStatus.Source.none())).consecutiveFailures());

    LoopReading unknown = p.read(NOW.plusSeconds(120), null, CiStatus.Source.none());
    assertEquals(List.of(), unknown.loops());
    assertEquals(List.of("loop runner: process list unavailable, cannot tell whether agent-runner runs"), unknown.gaps());
  }

  @Test
  void ci_takes_the_supplied_state_and_is_a_gap_without_one() {
    LoopSpec ci = new LoopSpec("ci-main", LoopKind.CI, 0, null, null, null, "alex/hermes-dashboard", "main", List.of(), null);
    LoopProbe p = probe(ci);
    CiStatus.Source red = (repo, branch) -> repo.equals("alex/hermes-dashboard") && branch.equals("main")
        ? new CiStatus(CiState.FAILURE, NOW.minusSeconds(1200), "failure on ci/build") : null;
    AutomationLoop l = only(p.read(NOW, List.of(), red));
    assertEquals(1, l.consecutiveFailures());
    assertEquals("alex/hermes-dashboard", l.repo());
    assertEquals("alex/hermes-dashboard@main failure: failure on ci/build", l.detail());

    LoopReading none = p.read(NOW, List.of(), CiStatus.Source.none());
    assertEquals(List.of("loop ci-main: no CI status supplied for alex/hermes-dashboard@main"), none.gaps());
  }

  @Test
  void restarts_recent_counts_the_ledger_within_its_window() throws Exception {
    Path beat = file("heartbeat", "", NOW.minusSeconds(60));
    ledger.record("hb", NOW.minus(Duration.ofHours(7)));
    ledger.record("hb", NOW.minus(Duration.ofHours(2)));
    ledger.record("hb", NOW.minus(Duration.ofMinutes(5)));
    ledger.record("other", NOW.minus(Duration.ofMinutes(5)));
    AutomationLoop l = only(probe(loop("hb", LoopKind.HEARTBEAT, beat.toString(), null, null)).read(NOW, List.of(), CiStatus.Source.none()));
    assertEquals(2, l.restartsRecent());
  }
}
