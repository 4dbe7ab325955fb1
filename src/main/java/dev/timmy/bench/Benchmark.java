package dev.timmy.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleErrors;
import dev.timmy.derive.Derive;
import dev.timmy.facts.Snapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Full evaluations of synthetic backlogs (20 agents) with the policy in a rules directory, beside
 * a plain-Java implementation of the default priority scoring on the same facts (the floor), and
 * the cycle of the live session after 1% of the issues (and pulls) changed. Prints figures
 * (medians); asserts nothing — targets are read by people, not by a timed test.
 */
public final class Benchmark {
  /** The medians of one backlog size. */
  public record Size(int issues, int facts, double fullMs, double scoringMs, double floorMs, double incrementalMs,
      int incrementalChanged, int firings, long heapMb, @JsonIgnore int incrementalFirings) {}

  /** What {@code bench --json} prints. */
  public record Report(String rulesRevision, List<Size> sizes) {}

  /** The service's evaluation deadline guards a cycle; here it would only cut a large, slow size short. */
  private static final Duration NO_DEADLINE = Duration.ofHours(1);
  private final PrintStream out;
  /** Runs per size before the counted ones, to warm the JIT up (a later, larger size needs fewer). */
  private final int warmUp;

  public Benchmark(PrintStream out, int warmUp) {
    if (warmUp < 0) throw new IllegalArgumentException("warm-up runs: expected >= 0, found " + warmUp);
    this.out = out;
    this.warmUp = warmUp;
  }

  public void run(Path rules, List<Integer> sizes, int runs, boolean json) throws RuleErrors, IOException {
    long t0 = System.nanoTime();
    RuleBook book = RuleBook.open(rules, NO_DEADLINE);
    long compileMs = (System.nanoTime() - t0) / 1_000_000;
    RuleBook scoring = scoringOnly(rules);
    if (!json) {
      out.printf("rules %s compiled in %d ms; %d runs per size after %d warm-up runs, median reported; JVM max heap %d MB%n",
          book.revision(), compileMs, runs, warmUp, Runtime.getRuntime().maxMemory() >> 20);
      out.printf("full = every rule, fresh session; scoring = classify.drl + priority.drl only, the floor's work;%n"
          + "incr = the live session's cycle after 1%% of the issues and pulls changed%n");
      out.printf("%8s %8s %9s %9s %8s %10s %9s %9s %8s %10s %10s %10s %10s %9s%n", "issues", "facts", "full ms", "firings",
          "heap MB", "scoring ms", "floor ms", "incr ms", "changed", "incr fired", "full/floor", "scor/floor", "incr/full", "full/1k");
    }
    List<Size> figures = new ArrayList<>();
    for (int size : sizes) {
      Size f = measure(book, scoring, size, runs);
      figures.add(f);
      if (!json) {
        out.printf("%8d %8d %9.1f %9d %8d %10.1f %9.2f %9.1f %8d %10d %10.1f %10.1f %9.0f%% %9.2f%n", f.issues(), f.facts(),
            f.fullMs(), f.firings(), f.heapMb(), f.scoringMs(), f.floorMs(), f.incrementalMs(), f.incrementalChanged(), f.incrementalFirings(),
            f.fullMs() / Math.max(f.floorMs(), 1e-3), f.scoringMs() / Math.max(f.floorMs(), 1e-3),
            100 * f.incrementalMs() / f.fullMs(), f.fullMs() / (size / 1000.0));
      }
    }
    if (json) {
      out.println(render(new Report(book.revision(), figures)));
    } else {
      long r = System.nanoTime();
      book.reload(); // the same files compiled again in a warm JVM: what a hot reload costs
      out.printf("hot reload of the rules (warm JVM): %d ms%n", (System.nanoTime() - r) / 1_000_000);
      int largest = sizes.get(sizes.size() - 1);
      out.printf("derive stage (loads, work in flight, records) at %d issues: %.2f ms%n", largest, deriveMs(largest, runs));
      Steady steady = steady(book, largest, runs);
      out.printf("steady cycle of the live session (nothing changed, the clock a minute on) at %d issues: %.1f ms, %d firings%n",
          largest, steady.ms(), steady.firings());
    }
  }

  /**
   * A served house's usual cycle: the live session told a snapshot whose only change is its clock,
   * a minute later each time (within the hour and across it); median of {@code runs} and the last firings.
   */
  private Steady steady(RuleBook book, int size, int runs) {
    Snapshot s = SyntheticHouse.generate(size, 20, 42);
    book.restart();
    book.decide(s);
    List<Long> took = new ArrayList<>();
    int fired = 0;
    for (int i = 0; i < warmUp + runs; i++) {
      s = Derive.from(s.at(s.takenAt().plus(Duration.ofMinutes(1))));
      long a = System.nanoTime();
      fired = book.decide(s).firings();
      if (i >= warmUp) took.add(System.nanoTime() - a);
    }
    book.restart();
    return new Steady(median(took), fired);
  }

  /** A steady cycle's median time and the firings of the last one. */
  private record Steady(double ms, int firings) {}

  private Size measure(RuleBook book, RuleBook scoring, int size, int runs) {
    Snapshot s = SyntheticHouse.generate(size, 20, 42);
    Random rnd = new Random(size);
    List<BacklogChanges.Step> steps = new ArrayList<>();
    for (int i = 0; i < warmUp + runs; i++) steps.add(BacklogChanges.apply(s, 0.01, rnd));
    book.restart();
    book.decide(s);
    List<Long> full = new ArrayList<>();
    List<Long> scored = new ArrayList<>();
    List<Long> floor = new ArrayList<>();
    List<Long> incremental = new ArrayList<>();
    Decision last = null;
    int incrementalFirings = 0;
    for (int i = 0; i < warmUp + runs; i++) { // the first runs warm the JIT up and are not counted
      boolean counted = i >= warmUp;
      long a = System.nanoTime();
      last = book.evaluate(s);
      long b = System.nanoTime();
      scoring.evaluate(s);
      long c = System.nanoTime();
      PriorityFloor.rank(s);
      long d = System.nanoTime();
      Decision step = book.decide(steps.get(i).snapshot());
      long e = System.nanoTime();
      incrementalFirings = step.firings();
      book.decide(s); // back to the base snapshot, untimed: the next change is again 1%
      if (counted) {
        full.add(b - a);
        scored.add(c - b);
        floor.add(d - c);
        incremental.add(e - d);
      }
    }
    book.restart();
    int changed = steps.get(warmUp).changed();
    return new Size(size, s.facts().size(), median(full), median(scored), median(floor), median(incremental), changed,
        last.firings(), heapAfterGc(last) >> 20, incrementalFirings);
  }

  /** What the derive stage costs a cycle ({@link Derive#from} on the synthetic house as observed), median of {@code runs}. */
  private double deriveMs(int size, int runs) {
    Snapshot s = SyntheticHouse.generate(size, 20, 42);
    List<Long> took = new ArrayList<>();
    for (int i = 0; i < warmUp + runs; i++) {
      long a = System.nanoTime();
      Derive.from(s);
      if (i >= warmUp) took.add(System.nanoTime() - a);
    }
    return median(took);
  }

  private static String render(Report r) {
    try {
      return Json.mapper().writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The scoring part of the policy alone (classification feeds priority), compiled from a copy. */
  private static RuleBook scoringOnly(Path rules) throws RuleErrors, IOException {
    Path dir = Files.createTempDirectory("timmy-bench-scoring");
    for (String name : List.of("classify.drl", "priority.drl")) {
      Files.copy(rules.resolve(name), dir.resolve(name));
    }
    try {
      return RuleBook.open(dir, NO_DEADLINE);
    } finally {
      for (String name : List.of("classify.drl", "priority.drl")) Files.deleteIfExists(dir.resolve(name));
      Files.deleteIfExists(dir);
    }
  }

  /** Used heap with the last decision still reachable (so it is counted). */
  private static long heapAfterGc(Decision keep) {
    System.gc();
    Runtime r = Runtime.getRuntime();
    long used = r.totalMemory() - r.freeMemory();
    java.lang.ref.Reference.reachabilityFence(keep);
    return used;
  }

  private static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) / 1e6;
  }
}
