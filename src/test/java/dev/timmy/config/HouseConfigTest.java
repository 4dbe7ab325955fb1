package dev.timmy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.Json;
import dev.timmy.facts.LoopKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseConfigTest {
  static final String EXAMPLE = """
      ollamaUrl: http://127.0.0.1:11434
      fastModel: qwen3:8b
      complexModel: qwen3:14b
      keepAlive: 30m
      watchedProcesses: [ollama, claude, kimi]
      stoppableProcesses: [ollama-runner]
      disks: [/, /System/Volumes/Data]
      cleanup:
        - {root: /Users/alex/agents/logs, olderThanDays: 7}
        - {root: /Users/alex/Library/Caches/timmy, olderThanDays: 14, maxDepth: 3}
      loops:
        - name: heartbeat
          kind: HEARTBEAT
          path: /Users/alex/.agents/heartbeat
          periodSeconds: 300
          restart: [/bin/launchctl, kickstart, -k, gui/501/dev.alex.heartbeat]
        - {name: nightly-backup, kind: CRON, path: /Users/alex/.backup/status, periodSeconds: 86400}
        - {name: dashboard, kind: HTTP, url: "http://127.0.0.1:8080/health", periodSeconds: 60}
        - {name: agent-runner, kind: PROCESS, process: agent-runner, periodSeconds: 60}
        - {name: ci-main, kind: CI, repo: alex/hermes-dashboard, branch: main}
      timeouts: {ollamaSeconds: 5, loadSeconds: 120, httpSeconds: 5, restartSeconds: 60, stopGraceSeconds: 10}
      restartWindowMinutes: 360
      """;

  @Test
  void the_documented_example_reads_without_problems() throws Exception {
    HouseConfig c = Json.yaml().readValue(EXAMPLE, HouseConfig.class);
    assertEquals(List.of(), c.problems("house."));
    assertEquals(5, c.loops().size());
    HouseConfig.LoopSpec heartbeat = c.loops().get(0);
    assertEquals(LoopKind.HEARTBEAT, heartbeat.kind());
    assertTrue(heartbeat.canRestart(), "a loop with a restart command is restartable by default");
    assertFalse(c.loops().get(1).canRestart(), "a loop without a command is not");
    assertEquals(3, c.cleanup().get(1).maxDepth());
    assertEquals(8, c.cleanup().get(0).maxDepth(), "maxDepth defaults to 8");
    assertTrue(c.processNames().containsAll(List.of("ollama", "claude", "kimi", "ollama-runner", "agent-runner")));
  }

  @Test
  void an_empty_section_gets_working_defaults() throws Exception {
    HouseConfig c = Json.yaml().readValue("{}", HouseConfig.class);
    assertEquals(HouseConfig.defaults(), c);
    assertEquals(List.of(), c.problems("house."));
    assertEquals("qwen3:8b", c.fastModel());
    assertEquals(360, c.restartWindowMinutes());
    assertEquals(10, c.timeouts().stopGraceSeconds());
  }

  @Test
  void problems_name_the_key_and_what_was_found() throws Exception {
    HouseConfig c = Json.yaml().readValue("""
        ollamaUrl: localhost:11434
        complexModel: qwen3:8b
        keepAlive: forever
        watchedProcesses: [/usr/bin/claude]
        cleanup:
          - {root: /}
          - {root: relative/logs}
          - {root: /Users/alex/../etc}
        loops:
          - {name: hb, kind: HEARTBEAT, path: heartbeat, periodSeconds: 0, restartable: true}
          - {name: hb, kind: HTTP, url: "ftp://x", periodSeconds: 60}
          - {name: ci, kind: CI, repo: hermes, restart: [/bin/true]}
          - {name: "bad name", kind: PROCESS, periodSeconds: 5}
        """, HouseConfig.class);
    List<String> p = c.problems("house.");
    List<String> expected = List.of(
        "house.ollamaUrl: expected an http(s) URL, found localhost:11434",
        "house.complexModel: expected a model other than fastModel, found the same qwen3:8b",
        "house.keepAlive: expected a duration like 30m, 90s or 2h, found forever",
        "house.watchedProcesses: expected process names (no paths), found /usr/bin/claude",
        "house.cleanup[0].root: expected a directory below /, found the file system root",
        "house.cleanup[1].root: expected an absolute path, found relative/logs",
        "house.cleanup[2].root: expected a path without . or .. segments, found /Users/alex/../etc",
        "house.loops[0].periodSeconds: expected a positive number of seconds, found 0",
        "house.loops[0].path: expected an absolute path, found heartbeat",
        "house.loops[0].restart: expected an argv list for a restartable loop, found none",
        "house.loops[1].name: expected a unique loop name, found hb twice",
        "house.loops[1].url: expected an http(s) URL, found ftp://x",
        "house.loops[2].repo: expected owner/repo, found hermes",
        "house.loops[2].restart: expected none for a CI loop (CI is fixed by a commit), found [/bin/true]",
        "house.loops[3].name: expected letters, digits, . _ or -, found bad name",
        "house.loops[3].process: expected a process name, found nothing");
    assertEquals(expected, p);
  }

  private static List<String> fileProblems(String house) {
    String yaml = "owner: {login: alex}\nagents:\n  - {name: claude, kind: CLAUDE, login: claude-code}\nhouse:\n" + house;
    ConfigException e = assertThrows(ConfigException.class, () -> TimmyConfig.parse(yaml, "timmy.yml"));
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void a_cleanup_root_at_a_system_or_home_directory_is_an_error_with_its_line() {
    List<String> p = fileProblems("""
          cleanup:
            - {root: /etc}
            - {root: /usr/local/var/log}
            - {root: /home}
            - {root: /System/Library}
            - {root: /private/etc}
            - {root: %s}
        """.formatted(System.getProperty("user.home")));
    assertEquals(6, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("timmy.yml:6: house.cleanup[0].root: expected a directory of Timmy's own files, found /etc"), p.get(0));
    assertTrue(p.get(1).startsWith("timmy.yml:7: house.cleanup[1].root:"), p.get(1));
    assertTrue(p.get(2).contains("/home, which is the system directory /home itself"), p.get(2));
    assertTrue(p.get(4).startsWith("timmy.yml:10:"), p.get(4));
    assertTrue(p.get(5).startsWith("timmy.yml:11:") && p.get(5).contains("found " + System.getProperty("user.home") + ", which"), p.get(5));
  }

  @Test
  void a_cleanup_root_that_links_to_a_system_directory_is_an_error(@TempDir Path tmp) throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("agent-logs"), Path.of("/etc"));
    List<String> p = fileProblems("  cleanup:\n    - {root: " + link + "}\n");
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).contains("resolves to /etc, which is inside the system directory /etc"), p.get(0));
  }

  @Test
  void out_of_range_numbers_are_errors_with_their_line_not_silent_defaults() {
    List<String> p = fileProblems("""
          cleanup:
            - {root: /srv/agents/logs, olderThanDays: -5, maxDepth: 0}
          timeouts: {ollamaSeconds: 0, loadSeconds: -1, httpSeconds: 5, restartSeconds: 0, stopGraceSeconds: -3}
          restartWindowMinutes: -10
        """);
    assertEquals(List.of(
        "timmy.yml:6: house.cleanup[0].olderThanDays: expected 1..3650, found -5",
        "timmy.yml:6: house.cleanup[0].maxDepth: expected 1..64, found 0",
        "timmy.yml:7: house.timeouts.ollamaSeconds: expected 1..600, found 0",
        "timmy.yml:7: house.timeouts.loadSeconds: expected 1..3600, found -1",
        "timmy.yml:7: house.timeouts.restartSeconds: expected 1..3600, found 0",
        "timmy.yml:7: house.timeouts.stopGraceSeconds: expected 1..600, found -3",
        "timmy.yml:8: house.restartWindowMinutes: expected 1..10080, found -10"), p);
  }
}
