package dev.timmy.bench;

import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleErrors;
import dev.timmy.facts.Snapshot;
import java.io.PrintStream;
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

  public void run(Path rules, List<Integer> sizes, int runs) throws RuleErrors {
    long t0 = System.nanoTime();
    RuleBook book = RuleBook.open(rules);
    out.printf("rules %s compiled in %d ms; %d runs per size, median reported; JVM max heap %d MB%n",
        book.revision(), (System.nanoTime() - t0) / 1_000_000, runs, Runtime.getRuntime().maxMemory() >> 20);
    out.printf("%8s %8s %12s %12s %12s %10s %12s %12s%n", "issues", "facts", "drools ms", "firings", "heap MB",
        "floor ms", "drools/floor", "ms per 1k");
    for (int size : sizes) {
      Snapshot s = SyntheticHouse.generate(size, 20, 42);
      for (int i = 0; i < 5; i++) { // warm-up: let the JIT settle before measuring
        book.evaluate(s);
        PriorityFloor.rank(s);
      }
      List<Long> drools = new ArrayList<>();
      List<Long> floor = new ArrayList<>();
      Decision last = null;
      for (int i = 0; i < runs; i++) {
        long a = System.nanoTime();
        last = book.evaluate(s);
        drools.add(System.nanoTime() - a);
        long b = System.nanoTime();
        PriorityFloor.rank(s);
        floor.add(System.nanoTime() - b);
      }
      long heap = heapAfterGc(last);
      double dm = median(drools) / 1e6;
      double fm = median(floor) / 1e6;
      out.printf("%8d %8d %12.1f %12d %12d %10.2f %12.1f %12.2f%n", size, s.facts().size(), dm, last.firings(),
          heap >> 20, fm, dm / Math.max(fm, 1e-3), dm / (size / 1000.0));
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
