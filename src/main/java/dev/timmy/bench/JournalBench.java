package dev.timmy.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.derive.Derive;
import dev.timmy.decide.RuleErrors;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.CycleCounts;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Journal;
import dev.timmy.journal.JournalBytes;
import dev.timmy.act.Mode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Journal bytes per cycle on a synthetic backlog (20 agents): a first cycle, then steady cycles
 * (nothing changed but the clock, a minute a cycle) and cycles after 1% of the issues and pulls
 * changed, each decided in the rule book's live session as a served cycle is (which hands back
 * the items that live on). "Before" is what the journal wrote per cycle until schema 5: the body
 * and subject of every decision item, every cycle (and no snapshot). Prints medians; asserts nothing.
 */
public final class JournalBench {
  /**
   * The figures of one size, bytes per cycle (medians). {@code steadyWriteMs} and
   * {@code changedWriteMs}: recording the snapshot and the decision of a steady and of a 1% cycle;
   * {@code historyMs}: reading one subject's history over the last 10 cycles (what {@code explain}
   * asks the journal), the mean over the first 1,000 ranked subjects.
   */
  public record Size(int issues, int items, long beforeBytes, long firstBytes, long steadyBytes, long steadySnapshotBytes,
      long changedBytes, long changedSnapshotBytes, int changed, double steadyWriteMs, double changedWriteMs,
      double historyMs) {}

  public record Report(String rulesRevision, List<Size> sizes) {}

  private final PrintStream out;

  public JournalBench(PrintStream out) {
    this.out = out;
  }

  public void run(Path rules, List<Integer> sizes, int cycles, boolean json) throws RuleErrors, IOException {
    RuleBook book = RuleBook.open(rules, Duration.ofHours(1));
    List<Size> figures = new ArrayList<>();
    if (!json) {
      out.printf("journal bytes per cycle (medians of %d cycles each); before = every item every cycle, no snapshot%n", cycles);
      out.printf("%8s %9s %12s %12s %12s %14s %12s %14s %8s %15s %11s %11s%n", "issues", "items", "before B", "first B",
          "steady B", "steady snap B", "1% B", "1% snap B", "changed", "steady write ms", "1% write ms", "history ms");
    }
    for (int size : sizes) {
      Size f = measure(book, size, Math.max(1, cycles));
      figures.add(f);
      if (!json) {
        out.printf("%8d %9d %12d %12d %12d %14d %12d %14d %8d %15.1f %11.1f %11.3f%n", f.issues(), f.items(),
            f.beforeBytes(), f.firstBytes(), f.steadyBytes(), f.steadySnapshotBytes(), f.changedBytes(),
            f.changedSnapshotBytes(), f.changed(), f.steadyWriteMs(), f.changedWriteMs(), f.historyMs());
      }
    }
    if (json) out.println(Json.mapper().writeValueAsString(new Report(book.revision(), figures)));
  }

  private static Size measure(RuleBook book, int size, int cycles) throws IOException {
    Snapshot base = SyntheticHouse.generate(size, 20, 42);
    Path dir = Files.createTempDirectory("timmy-bench-journal");
    Path file = dir.resolve("journal.db");
    try {
      Instant t0 = base.takenAt();
      Journal journal = Journal.open(file, InstantSource.fixed(t0));
      book.restart(); // each size from a fresh live session
      Decision first = book.decide(base);
      long firstBytes = cycle(journal, base, first)[0];
      List<Long> steady = new ArrayList<>();
      List<Long> steadySnap = new ArrayList<>();
      List<Long> steadyWrites = new ArrayList<>();
      for (int i = 1; i <= cycles; i++) {
        Snapshot s = Derive.from(base.at(t0.plus(Duration.ofMinutes(i))));
        long[] b = cycle(journal, s, book.decide(s));
        steady.add(b[0]);
        steadySnap.add(b[1]);
        steadyWrites.add(b[2]);
      }
      List<Long> changedWrites = new ArrayList<>();
      List<Long> changed = new ArrayList<>();
      List<Long> changedSnap = new ArrayList<>();
      Random rnd = new Random(size);
      Snapshot s = base;
      int touched = 0;
      Decision last = first;
      for (int i = 1; i <= cycles; i++) {
        BacklogChanges.Step step = BacklogChanges.apply(s, 0.01, rnd);
        touched = step.changed();
        s = Derive.from(step.snapshot().at(t0.plus(Duration.ofMinutes(cycles + i))));
        last = book.decide(s);
        long[] b = cycle(journal, s, last);
        changed.add(b[0]);
        changedSnap.add(b[1]);
        changedWrites.add(b[2]);
      }
      return new Size(size, items(first), before(first), firstBytes, median(steady), median(steadySnap), median(changed),
          median(changedSnap), touched, median(steadyWrites) / 1e6, median(changedWrites) / 1e6, history(journal, last));
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList()) Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    }
  }

  /** Journals one cycle; returns the bytes it added (all, snapshot) and the nanoseconds the two writes took. */
  private static long[] cycle(Journal journal, Snapshot s, Decision d) {
    JournalBytes before = journal.reader().bytes();
    long id = journal.beginCycle("bench", Mode.DRY_RUN, d.rulesRevision());
    long t = System.nanoTime();
    journal.observed(id, s);
    journal.decided(id, d);
    long took = System.nanoTime() - t;
    journal.finishCycle(id, CycleStatus.OK, null, CycleCounts.none());
    JournalBytes after = journal.reader().bytes();
    return new long[] {after.total() - before.total(), after.snapshotBytes() - before.snapshotBytes(), took};
  }

  /** Milliseconds per subject to read the history over 10 cycles of the first 1,000 ranked (the second of two passes). */
  private static double history(Journal journal, Decision d) {
    List<String> subjects = d.priorities().stream().limit(1_000).map(p -> p.subject()).toList();
    long took = 0;
    for (int pass = 0; pass < 2; pass++) {
      long t = System.nanoTime();
      for (String subject : subjects) journal.reader().history(subject, 10);
      took = System.nanoTime() - t;
    }
    return subjects.isEmpty() ? 0 : took / 1e6 / subjects.size();
  }

  private static int items(Decision d) {
    return d.priorities().size() + d.routes().size() + d.checks().size() + d.escalations().size() + d.proposals().size();
  }

  /** The body and subject of every item: what a cycle wrote before schema 5. */
  private static long before(Decision d) throws JsonProcessingException {
    long n = 0;
    for (List<?> kind : List.of(d.priorities(), d.routes(), d.checks(), d.escalations(), d.proposals())) {
      for (Object item : kind) n += Json.mapper().writeValueAsString(item).getBytes(StandardCharsets.UTF_8).length;
    }
    for (var p : d.priorities()) n += p.subject().length();
    for (var r : d.routes()) n += r.subject().length();
    for (var c : d.checks()) n += c.subject().length();
    for (var e : d.escalations()) n += e.subject().length();
    for (var p : d.proposals()) n += p.subject().length();
    return n;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
