package dev.timmy.observe.house;

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
 * gap in {@link House#gaps()} (which makes the cycle's snapshot partial). Holds the pieces the
 * house targets share with it: the Ollama client, the restart ledger, the cleanup roots and the
 * open-file check.
 */
public final class HouseSources {
  private static final int CLEANUP_LIMIT = 200;

  private final HostProbe host;
  private final OllamaClient ollama;
  private final LoopProbe loops;
  private final CleanupScanner cleanup;
  private final CiStatus.Source ci;
  private final RestartLedger ledger;
  private final CleanupRoots roots;
  private final OpenFiles openFiles;
  private final Clock clock;

  /**
   * The usual wiring. {@code http} is Timmy's one shared OkHttp client (its timeouts are
   * replaced by the house timeouts for these calls); {@code ci} is the Gitea side's CI states
   * ({@link CiStatus.Source#none()} without Gitea).
   */
  public HouseSources(HouseConfig config, OkHttpClient http, CiStatus.Source ci, Clock clock) {
    HouseConfig.Timeouts t = config.timeouts();
    OkHttpClient ollamaHttp = http.newBuilder().callTimeout(Duration.ofSeconds(t.ollamaSeconds())).build();
    this.host = new HostProbe(config.processNames(), config.disks());
    this.ollama = new OllamaClient(ollamaHttp, config.ollamaUrl(), config.fastModel(), config.complexModel(),
        Duration.ofSeconds(t.loadSeconds()));
    this.ledger = new RestartLedger(Duration.ofMinutes(config.restartWindowMinutes()));
    this.loops = new LoopProbe(config.loops(), http, Duration.ofSeconds(t.httpSeconds()), ledger);
    this.roots = new CleanupRoots(config.cleanup());
    this.openFiles = OpenFiles.forThisOs();
    this.cleanup = new CleanupScanner(roots, openFiles, CLEANUP_LIMIT);
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
      HostReading h = host.read();
      metrics = h.metrics();
      disks = h.disks();
      processes = h.processes();
    } catch (RuntimeException e) {
      // OSHI reports what the OS refused as unchecked exceptions; the host part is then unknown.
      gaps.add("host: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    OllamaReading o = ollama.read();
    LoopReading l = loops.read(now, processes, ci);
    CleanupReading c = cleanup.read(now);
    gaps.addAll(l.gaps());
    gaps.addAll(c.gaps());
    return new House(metrics, disks, processes == null ? List.of() : processes, o.models(), o.down(), l.loops(),
        c.files(), List.of(), gaps);
  }

  public OllamaClient ollama() {
    return ollama;
  }

  public RestartLedger ledger() {
    return ledger;
  }

  public CleanupRoots cleanupRoots() {
    return roots;
  }

  public OpenFiles openFiles() {
    return openFiles;
  }
}
