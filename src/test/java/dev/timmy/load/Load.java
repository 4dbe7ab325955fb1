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
import dev.timmy.cycle.CycleListener;
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
 * only; bounded in time and count. {@code warmup}: a time of the same load before it (JIT
 * compilation of both JVMs) whose latencies, OK cycles, RSS and threads are not counted; its
 * errors and failed cycles are.
 * {@code scripts/load} runs it.
 */
public final class Load {
  /** What to run. */
  public record Options(int issues, int clients, Duration duration, int requests, Duration cycle, Duration warmup) {
    public Options(int issues, int clients, Duration duration, int requests, Duration cycle) {
      this(issues, clients, duration, requests, cycle, Duration.ZERO);
    }
  }

  /** What was measured. */
  public record Result(long requests, long errors, double p50Ms, double p99Ms, double maxMs, long cyclesOk,
      long cyclesFailed, long rssStartMb, long rssMaxMb, long rssEndMb, int httpThreadsMax, int threadsMax,
      long heapAfterGcMb, long cycleMedianMs, long cycleMaxMs) {}

  private Load() {}

  public static void main(String[] argv) throws Exception {
    List<String> a = Arrays.asList(argv);
    Options o = new Options(intArg(a, "--issues", 10_000), intArg(a, "--clients", 200),
        Duration.ofSeconds(intArg(a, "--seconds", 30)), intArg(a, "--requests", 8_000_000),
        Duration.ofSeconds(intArg(a, "--cycle-seconds", 1)), Duration.ofSeconds(intArg(a, "--warmup", 0)));
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
    // the clock moves a period a cycle, as a served house's does: clock-bound rules fire again every cycle
    AtomicLong cycles = new AtomicLong();
    List<Long> took = java.util.Collections.synchronizedList(new ArrayList<>());
    Cycle cycle = new Cycle(() -> house.toBuilder().takenAt(house.takenAt().plus(o.cycle().multipliedBy(cycles.getAndIncrement())))
        .build(), book, Authority.from(config, journal),
        new Executor(List.of(RecordingTarget.forAll()), journal, Mode.DRY_RUN), journal, Duration.ofHours(1),
        published(latest, took).andThen(metrics));
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
      long failedBefore = count(journal, CycleStatus.FAILED);
      List<String> paths = paths(latest.decided().orElseThrow().decision().priorities());
      Result r = drive(o, api.port(), paths, journal, failedBefore, took);
      print(o, r);
      return r;
    } finally {
      api.close();
      loop.close();
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
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

  /**
   * The clients run in a JVM of their own (this class's {@code Clients}, on the same class path), so
   * RSS and threads measured here are the server's alone, as an owner's {@code serve} would be.
   */
  /** {@code took}: every cycle's time so far, appended to as cycles finish; those of the run are its cycle figures. */
  private static Result drive(Options o, int port, List<String> paths, Journal journal, long failedBefore,
      List<Long> took) throws Exception {
    int first;
    Path list = Files.createTempFile("timmy-load-paths-", ".txt");
    Path out = Files.createTempFile("timmy-load-result-", ".txt");
    try {
      Files.write(list, paths);
      String java = ProcessHandle.current().info().command().orElse("java");
      Process clients = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-Xss256k", "-cp",
          System.getProperty("java.class.path"), Clients.class.getName(), Integer.toString(port),
          Integer.toString(o.clients()), Long.toString(o.duration().toMillis()), Integer.toString(o.requests()),
          list.toString(), out.toString(), Long.toString(o.warmup().toMillis()))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
      long measured = System.nanoTime() + o.warmup().toNanos();
      while (System.nanoTime() < measured && !clients.waitFor(250, TimeUnit.MILLISECONDS)) {
        // the warm-up: nothing of it counts
      }
      long okFrom = count(journal, CycleStatus.OK); // a failed cycle counts from the start, warm-up or not
      first = took.size();
      long rssStart = rssMb();
      long rssMax = rssStart;
      int httpMax = 0;
      int threadsMax = 0;
      long rssLate = 0;
      long lateFrom = System.nanoTime() + o.duration().toNanos() / 2;
      long began = System.nanoTime();
      long nextReport = began + TimeUnit.MINUTES.toNanos(1);
      while (!clients.waitFor(250, TimeUnit.MILLISECONDS)) {
        if (System.nanoTime() > nextReport) {
          nextReport += TimeUnit.MINUTES.toNanos(1);
          // memory over time, without forcing a GC: the old generation as the last collection left it
          System.out.printf("load: at %d s  server RSS %d MB  old generation after the last GC %d MB  cycles ok %d%n",
              TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), rssMb(), oldAfterGcMb(),
              count(journal, CycleStatus.OK) - okFrom);
        }
        long rss = rssMb();
        rssMax = Math.max(rssMax, rss);
        if (System.nanoTime() > lateFrom) rssLate = Math.max(rssLate, rss);
        httpMax = Math.max(httpMax, httpThreads());
        threadsMax = Math.max(threadsMax, ManagementFactory.getThreadMXBean().getThreadCount());
      }
      if (clients.exitValue() != 0) throw new IllegalStateException("the load clients exited with " + clients.exitValue());
      String[] f = Files.readString(out).strip().split(" ");
      System.gc();
      long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
      List<Long> cycles;
      synchronized (took) {
        cycles = new ArrayList<>(took.subList(first, took.size()));
      }
      cycles.sort(null);
      return new Result(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
          Double.parseDouble(f[4]), count(journal, CycleStatus.OK) - okFrom, count(journal, CycleStatus.FAILED) - failedBefore,
          rssStart, rssMax, rssMb(), httpMax, threadsMax, heap, cycles.isEmpty() ? -1 : cycles.get(cycles.size() / 2),
          cycles.isEmpty() ? -1 : cycles.get(cycles.size() - 1));
    } finally {
      Files.deleteIfExists(list);
      Files.deleteIfExists(out);
    }
  }

  /**
   * The client JVM: {@code clients} threads sending the paths round-robin to 127.0.0.1:{@code port}
   * until the time or the count runs out; writes "requests errors p50 p99 max" (ms) to the result file.
   */
  static final class Clients {
    public static void main(String[] a) throws Exception {
      int port = Integer.parseInt(a[0]);
      int n = Integer.parseInt(a[1]);
      int requests = Integer.parseInt(a[3]);
      List<String> paths = Files.readAllLines(Path.of(a[4]));
      long measured = System.nanoTime() + Long.parseLong(a[6]) * 1_000_000L; // before it: sent, not counted
      long end = measured + Long.parseLong(a[2]) * 1_000_000L;
      OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(n + 8, 1, TimeUnit.MINUTES))
          .readTimeout(Duration.ofSeconds(30)).build();
      AtomicLong sent = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      long[][] took = new long[n][];
      int[] counts = new int[n];
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        int me = c;
        took[me] = new long[Math.max(16, Math.min(requests / n + 1, 8_000_000 / n))];
        Thread t = new Thread(() -> {
          int i = me * 7;
          while (System.nanoTime() < end && counts[me] < took[me].length) {
            String path = paths.get(i++ % paths.size());
            long t0 = System.nanoTime();
            boolean counted = t0 >= measured;
            if (counted && sent.incrementAndGet() > requests) break;
            boolean failed;
            try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + path).build()).execute()) {
              r.body().bytes();
              failed = r.code() != 200;
            } catch (IOException e) {
              failed = true;
            }
            if (failed) errors.incrementAndGet(); // an error counts, warm-up or not
            if (!counted) continue;
            took[me][counts[me]++] = System.nanoTime() - t0;
          }
        }, "load-client-" + c);
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) t.join();
      int total = 0;
      for (int k : counts) total += k;
      long[] all = new long[total];
      int at = 0;
      for (int c = 0; c < n; c++) {
        System.arraycopy(took[c], 0, all, at, counts[c]);
        at += counts[c];
      }
      Arrays.sort(all);
      Files.writeString(Path.of(a[5]), total + " " + errors.get() + " " + ms(all, 0.50) + " " + ms(all, 0.99) + " "
          + (all.length == 0 ? 0 : all[all.length - 1] / 1e6));
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      System.exit(0);
    }
  }

  /**
   * {@code latest}, and each cycle's time until the API is shown it: the cycle's own and the
   * answers computed for it (see {@code AnswerCache.warm}), appended to {@code took}.
   */
  private static CycleListener published(Latest latest, List<Long> took) {
    return done -> {
      long began = System.nanoTime();
      latest.finished(done);
      took.add(done.took().toMillis() + (System.nanoTime() - began) / 1_000_000);
    };
  }

  private static void print(Options o, Result r) {
    System.out.printf("load: %d issues, %d clients, %d s%s, a cycle every %d s (127.0.0.1)%n", o.issues(), o.clients(),
        o.duration().toSeconds(), o.warmup().isZero() ? "" : " after " + o.warmup().toSeconds() + " s of warm-up",
        o.cycle().toSeconds());
    System.out.printf("load: requests %d  errors %d  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", r.requests(), r.errors(),
        r.p50Ms(), r.p99Ms(), r.maxMs());
    System.out.printf("load: cycles ok %d  failed %d  (a cycle and its answers took: median %d ms, max %d ms)%n", r.cyclesOk(),
        r.cyclesFailed(), r.cycleMedianMs(), r.cycleMaxMs());
    System.out.printf("load: server RSS start %d MB  max %d MB  end %d MB  heap after GC %d MB (clients in their own JVM)%n",
        r.rssStartMb(), r.rssMaxMb(), r.rssEndMb(), r.heapAfterGcMb());
    System.out.printf("load: server threads: Jetty pool max %d (bound %d), JVM max %d%n", r.httpThreadsMax(), ApiServer.MAX_THREADS, r.threadsMax());
  }

  private static double ms(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static long count(Journal journal, CycleStatus status) {
    return journal.reader().counts().cycles().get(status);
  }

  private static long oldAfterGcMb() {
    long used = 0;
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      java.lang.management.MemoryUsage after = pool.getCollectionUsage();
      if (after != null && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) used += after.getUsed();
    }
    return used >> 20;
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
