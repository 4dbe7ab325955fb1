package dev.timmy.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.Disk;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.ProcessInfo;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads this machine for real: the values must be plausible and this JVM must be found. */
class HostProbeTest {
  static HostProbe probe;
  static HostReading first;

  @BeforeAll
  static void read_once() {
    probe = new HostProbe(List.of("java", "no-such-process-xyz"), List.of());
    first = probe.read();
  }

  @Test
  void memory_and_swap_are_plausible() {
    HostMetrics m = first.metrics();
    assertTrue(m.memTotal() > 256L * 1024 * 1024, "more than 256 MB of memory: " + m.memTotal());
    assertTrue(m.memAvailable() > 0 && m.memAvailable() <= m.memTotal(), "available within total: " + m);
    assertTrue(m.swapUsed() >= 0 && m.swapUsed() <= Math.max(0, m.swapTotal()), "swap used within total: " + m);
    assertTrue(m.cpus() >= 1, "at least one CPU");
    assertFalse(m.hostname().isBlank(), "a host name");
    assertFalse(m.os().isBlank(), "an OS family");
  }

  @Test
  void cpu_load_is_a_fraction_or_unknown_and_the_next_read_measures_between_ticks() {
    double before = first.metrics().cpuLoad();
    assertTrue(before == -1 || (before >= 0 && before <= 1), "first load is 0..1 or -1: " + before);
    long spin = System.nanoTime() + 50_000_000;
    while (System.nanoTime() < spin) Math.sqrt(spin);
    double after = probe.read().metrics().cpuLoad();
    assertTrue(after >= 0 && after <= 1, "load between reads is 0..1: " + after);
  }

  @Test
  void the_root_file_system_is_listed_with_its_free_space() {
    Disk root = first.disks().stream().filter(d -> d.mount().equals("/")).findFirst().orElseThrow(
        () -> new AssertionError("no / among " + first.disks()));
    assertTrue(root.total() > 0 && root.free() >= 0 && root.free() <= root.total(), root.toString());
  }

  @Test
  void only_configured_mounts_are_listed_when_some_are_configured() {
    HostReading only = new HostProbe(List.of(), List.of("/")).read();
    assertEquals(List.of("/"), only.disks().stream().map(Disk::mount).toList());
    assertEquals(List.of(), only.processes(), "no names configured, no processes looked for");
  }

  @Test
  void this_jvm_is_found_by_name_with_pid_user_memory_and_start_time() {
    long me = ProcessHandle.current().pid();
    ProcessInfo self = first.processes().stream().filter(p -> p.pid() == me).findFirst().orElseThrow(
        () -> new AssertionError("pid " + me + " not among " + first.processes()));
    assertEquals("java", self.name());
    assertEquals(System.getProperty("user.name"), self.user());
    assertTrue(self.rssBytes() > 16L * 1024 * 1024, "a JVM uses more than 16 MB: " + self.rssBytes());
    assertTrue(self.cpuPercent() >= 0, "cpu percent: " + self.cpuPercent());
    // The JVM's own record of its start (the same clock OSHI reads), not /proc's boot time: the
    // two agree on a real machine and also under faketime, which moves only the process's clock.
    // OSHI derives it from boot time + jiffies, which drifts by seconds on a loaded machine.
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    assertTrue(Duration.between(started, self.startedAt()).abs().toSeconds() <= 30,
        "start " + self.startedAt() + " vs " + started);
    assertTrue(first.processes().stream().allMatch(p -> p.name().equals("java")), "only watched names are listed");
  }

  @Test
  void a_process_is_watched_by_its_executable_never_by_its_arguments() throws Exception {
    Process tail = new ProcessBuilder("/usr/bin/tail", "-f", "/dev/null", "java").start();
    try {
      HostReading r = new HostProbe(List.of("java", "null"), List.of()).read();
      assertTrue(r.processes().stream().noneMatch(p -> p.pid() == tail.pid()), "tail -f /dev/null java is tail: " + r.processes());
      assertTrue(r.processes().stream().anyMatch(p -> p.pid() == ProcessHandle.current().pid()));
    } finally {
      tail.destroyForcibly();
    }
  }
}
