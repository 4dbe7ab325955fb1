package dev.timmy.bench;

import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleErrors;
import dev.timmy.facts.Snapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Full evaluations of synthetic backlogs (20 agents) with the policy in a rules directory, beside
 * a plain-Java implementation of the default priority scoring on the same facts (the floor).
 * Prints figures; asserts nothing — targets are read by people, not by a timed test.
 */
public final class Benchmark {
  private final PrintStream out;

  public Benchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path rules, List<Integer> sizes, int runs) throws RuleErrors, IOException {
    long t0 = System.nanoTime();
    RuleBook book = RuleBook.open(rules);
    RuleBook scoring = scoringOnly(rules);
    out.printf("rules %s compiled in %d ms; %d runs per size, median reported; JVM max heap %d MB%n",
        book.revision(), (System.nanoTime() - t0) / 1_000_000, runs, Runtime.getRuntime().maxMemory() >> 20);
    out.printf("full = every rule; scoring = classify.drl + priority.drl only, the same work as the floor%n");
    out.printf("%8s %8s %10s %10s %8s %11s %9s %11s %13s %10s%n", "issues", "facts", "full ms", "firings", "heap MB",
        "scoring ms", "floor ms", "full/floor", "scoring/floor", "full/1k");
    for (int size : sizes) {
      Snapshot s = SyntheticHouse.generate(size, 20, 42);
      for (int i = 0; i < 5; i++) { // warm-up: let the JIT settle before measuring
        book.evaluate(s);
        scoring.evaluate(s);
        PriorityFloor.rank(s);
      }
      List<Long> drools = new ArrayList<>();
      List<Long> scored = new ArrayList<>();
      List<Long> floor = new ArrayList<>();
      Decision last = null;
      for (int i = 0; i < runs; i++) {
        long a = System.nanoTime();
        last = book.evaluate(s);
        drools.add(System.nanoTime() - a);
        long b = System.nanoTime();
        scoring.evaluate(s);
        scored.add(System.nanoTime() - b);
        long c = System.nanoTime();
        PriorityFloor.rank(s);
        floor.add(System.nanoTime() - c);
      }
      long heap = heapAfterGc(last);
      double dm = median(drools) / 1e6;
      double sm = median(scored) / 1e6;
      double fm = median(floor) / 1e6;
      out.printf("%8d %8d %10.1f %10d %8d %11.1f %9.2f %11.1f %13.1f %10.2f%n", size, s.facts().size(), dm,
          last.firings(), heap >> 20, sm, fm, dm / Math.max(fm, 1e-3), sm / Math.max(fm, 1e-3), dm / (size / 1000.0));
    }
  }

  /** The scoring part of the policy alone (classification feeds priority), compiled from a copy. */
  private static RuleBook scoringOnly(Path rules) throws RuleErrors, IOException {
    Path dir = Files.createTempDirectory("timmy-bench-scoring");
    for (String name : List.of("classify.drl", "priority.drl")) {
      Files.copy(rules.resolve(name), dir.resolve(name));
    }
    try {
      return RuleBook.open(dir);
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

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
