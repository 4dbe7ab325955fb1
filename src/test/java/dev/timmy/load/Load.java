package dev.timmy.load;

import dev.timmy.act.Authority;
import dev.timmy.act.Executor;
import dev.timmy.act.RecordingTarget;
import dev.timmy.api.ApiServer;
import dev.timmy.api.Backend;
import dev.timmy.api.DashboardEvents;
import dev.timmy.api.Latest;
import dev.timmy.api.Metrics;
import dev.timmy.bench.SyntheticHouse;
import dev.timmy.config.Secrets;
import dev.timmy.config.TimmyConfig;
import dev.timmy.cycle.Cycle;
import dev.timmy.cycle.CycleLoop;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.RuleBook;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Load (and soak) on Timmy's API over loopback: the synthetic house (the benchmark's) served by
 * the real API and cycle loop, {@code clients} threads asking explain, decisions, agents and house
 * until {@code seconds} pass or {@code requests} are sent, while the loop runs a cycle every
 * {@code cycleSeconds}. Prints p50/p99/max, errors, cycles OK/failed, RSS and threads. 127.0.0.1
 * only; bounded in time and count. {@code scripts/load} runs it.
 */
public final class Load {
  /** What to run. */
  public record Options(int issues, int clients, Duration duration, int requests, Duration cycle) {}

  /** What was measured. */
  public record Result(long requests, long errors, double p50Ms, double p99Ms, double maxMs, long cyclesOk,
      long cyclesFailed, long rssStartMb, long rssMaxMb, long rssEndMb, int httpThreadsMax, int threadsMax,
      long heapAfterGcMb) {}

  private Load() {}

  public static void main(String[] argv) throws Exception {
    List<String> a = Arrays.asList(argv);
    Options o = new Options(intArg(a, "--issues", 10_000), intArg(a, "--clients", 200),
        Duration.ofSeconds(intArg(a, "--seconds", 30)), intArg(a, "--requests", 2_000_000),
        Duration.ofSeconds(intArg(a, "--cycle-seconds", 1)));
    Result r = run(o, Path.of("rules"));
    System.exit(r.errors() == 0 && r.cyclesFailed() == 0 ? 0 : 1);
  }

  public static Result run(Options o, Path rules) throws Exception {
    // The journal in memory where the machine has it: this measures the API and the loop, not the disk.
    Path shm = Path.of("/dev/shm");
    Path dir = Files.isWritable(shm) ? Files.createTempDirectory(shm, "timmy-load-") : Files.createTempDirectory("timmy-load-");
    Snapshot house = SyntheticHouse.generate(o.issues(), 20, 42);
    Journal journal = Journal.open(dir.resolve("timmy.db"));
    RuleBook book = RuleBook.open(rules, Duration.ofSeconds(60));
    Latest latest = new Latest();
    Metrics metrics = new Metrics();
    TimmyConfig config = TimmyConfig.demo();
    Cycle cycle = new Cycle(() -> house, book, Authority.from(config, journal),
        new Executor(List.of(RecordingTarget.forAll()), journal, Mode.DRY_RUN), journal, Duration.ofHours(1),
        latest.andThen(metrics));
    CycleLoop loop = new CycleLoop(cycle, null, o.cycle(), Duration.ofSeconds(30));
    ApiServer api = new ApiServer(new Backend(journal.reader(), book, loop, latest, metrics, new Secrets(null, null, null),
        Mode.DRY_RUN, "synthetic", () -> {}, Duration.ofSeconds(30), new DashboardEvents(), journal.deliveries(), List::of,
        Duration.ofMinutes(1), java.time.InstantSource.system()));
    api.start("127.0.0.1", 0);
    loop.start();
    try {
      long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (latest.decided().isEmpty()) {
        if (System.nanoTime() > until) throw new IllegalStateException("no cycle decided in 5 minutes");
        Thread.sleep(50);
      }
      long okBefore = count(journal, CycleStatus.OK);
      long failedBefore = count(journal, CycleStatus.FAILED);
      List<String> paths = paths(latest.decided().orElseThrow().decision().priorities());
      Result r = drive(o, api.port(), paths, journal, okBefore, failedBefore);
      print(o, r);
      return r;
    } finally {
      api.close();
      loop.close();
    }
  }

  private static List<String> paths(List<PriorityItem> priorities) {
    List<String> out = new ArrayList<>();
    for (PriorityItem p : priorities.subList(0, Math.min(1_000, priorities.size()))) {
      String[] at = p.subject().split("#");
      out.add("/api/explain/" + at[0] + "/" + at[1]);
      out.add("/api/decisions?subject=" + p.subject().replace("#", "%23") + "&limit=50");
    }
    out.add("/api/agents");
    out.add("/api/house");
    return out;
  }

  private static Result drive(Options o, int port, List<String> paths, Journal journal, long okBefore, long failedBefore)
      throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(o.clients() + 8, 1, TimeUnit.MINUTES))
        .readTimeout(Duration.ofSeconds(30)).build();
    AtomicLong sent = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long[][] took = new long[o.clients()][];
    AtomicInteger[] counts = new AtomicInteger[o.clients()];
    long end = System.nanoTime() + o.duration().toNanos();
    long rssStart = rssMb();
    long[] rssMax = {rssStart};
    int[] httpMax = {0};
    int[] threadsMax = {0};
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < o.clients(); c++) {
      int me = c;
      took[me] = new long[Math.max(16, o.requests() / o.clients() + 1)];
      counts[me] = new AtomicInteger();
      Thread t = new Thread(() -> {
        int i = me * 7;
        while (System.nanoTime() < end && sent.incrementAndGet() <= o.requests() && counts[me].get() < took[me].length) {
          String path = paths.get(i++ % paths.size());
          long t0 = System.nanoTime();
          try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + path).build()).execute()) {
            r.body().bytes();
            if (r.code() != 200) errors.incrementAndGet();
          } catch (IOException e) {
            errors.incrementAndGet();
          }
          took[me][counts[me].getAndIncrement()] = System.nanoTime() - t0;
        }
      }, "load-client-" + c);
      t.setDaemon(true);
      clients.add(t);
      t.start();
    }
    while (clients.stream().anyMatch(Thread::isAlive)) {
      Thread.sleep(250);
      rssMax[0] = Math.max(rssMax[0], rssMb());
      httpMax[0] = Math.max(httpMax[0], httpThreads());
      threadsMax[0] = Math.max(threadsMax[0], ManagementFactory.getThreadMXBean().getThreadCount() - o.clients());
    }
    int total = 0;
    for (AtomicInteger n : counts) total += n.get();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < o.clients(); c++) {
      System.arraycopy(took[c], 0, all, at, counts[c].get());
      at += counts[c].get();
    }
    Arrays.sort(all);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    System.gc();
    long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    return new Result(total, errors.get(), ms(all, 0.50), ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
        count(journal, CycleStatus.OK) - okBefore, count(journal, CycleStatus.FAILED) - failedBefore, rssStart, rssMax[0],
        rssMb(), httpMax[0], threadsMax[0], heap);
  }

  private static void print(Options o, Result r) {
    System.out.printf("load: %d issues, %d clients, %d s, a cycle every %d s (127.0.0.1)%n", o.issues(), o.clients(),
        o.duration().toSeconds(), o.cycle().toSeconds());
    System.out.printf("load: requests %d  errors %d  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", r.requests(), r.errors(),
        r.p50Ms(), r.p99Ms(), r.maxMs());
    System.out.printf("load: cycles ok %d  failed %d%n", r.cyclesOk(), r.cyclesFailed());
    System.out.printf("load: RSS start %d MB  max %d MB  end %d MB (JVM with server and clients)  heap after GC %d MB%n",
        r.rssStartMb(), r.rssMaxMb(), r.rssEndMb(), r.heapAfterGcMb());
    System.out.printf("load: threads: Jetty pool max %d (bound %d), JVM without the clients max %d%n", r.httpThreadsMax(),
        32, r.threadsMax());
  }

  private static double ms(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static long count(Journal journal, CycleStatus status) {
    return journal.reader().counts().cycles().get(status);
  }

  private static int httpThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("timmy-http")).count();
  }

  static long rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static int intArg(List<String> a, String name, int fallback) {
    int i = a.indexOf(name);
    return i >= 0 && i + 1 < a.size() ? Integer.parseInt(a.get(i + 1)) : fallback;
  }
}
