package dev.timmy.observe.house;

import dev.timmy.host.Host;
import dev.timmy.host.HostReading;
import dev.timmy.host.OllamaReading;

import dev.timmy.config.HouseConfig;
import dev.timmy.facts.Disk;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.ProcessInfo;
import dev.timmy.observe.House;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Reads the whole house in one call: host, Ollama, loops and cleanup candidates. No part can make
 * the read fail: Ollama being down is an {@code OllamaDown} fact, anything else unreadable is a
 * gap in {@link House#gaps()} (which makes the cycle's snapshot partial). The pieces it shares
 * with the house's targets are the {@link Host} adapter's.
 */
public final class HouseSources {
  private static final int CLEANUP_LIMIT = 200;

  private final Host host;
  private final LoopProbe loops;
  private final CleanupScanner cleanup;
  private final CiStatus.Source ci;
  private final Clock clock;

  /**
   * {@code http} is Timmy's one shared OkHttp client (the loops' health checks use it with the
   * house's timeout); {@code ci} is the Gitea side's CI states ({@link CiStatus.Source#none()}
   * without Gitea).
   */
  public HouseSources(HouseConfig config, Host host, OkHttpClient http, CiStatus.Source ci, Clock clock) {
    this.host = host;
    this.loops = new LoopProbe(config.loops(), http, Duration.ofSeconds(config.timeouts().httpSeconds()), host.ledger());
    this.cleanup = new CleanupScanner(host.cleanupRoots(), host.openFiles(), CLEANUP_LIMIT);
    this.ci = ci;
    this.clock = clock;
  }

  public House read() {
    Instant now = clock.instant();
    List<String> gaps = new ArrayList<>();
    HostMetrics metrics = null;
    List<Disk> disks = List.of();
    List<ProcessInfo> processes = null;
    try {
      HostReading h = host.probe().read();
      metrics = h.metrics();
      disks = h.disks();
      processes = h.processes();
    } catch (RuntimeException e) {
      // OSHI reports what the OS refused as unchecked exceptions; the host part is then unknown.
      gaps.add("host: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    OllamaReading o = host.ollama().read();
    LoopReading l = loops.read(now, processes, ci);
    CleanupReading c = cleanup.read(now);
    gaps.addAll(l.gaps());
    gaps.addAll(c.gaps());
    return new House(metrics, disks, processes == null ? List.of() : processes, o.models(), o.down(), l.loops(),
        c.files(), List.of(), gaps);
  }

  /** The adapter these reads share with the house's targets. */
  public Host host() {
    return host;
  }
}
