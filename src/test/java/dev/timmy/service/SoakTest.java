package dev.timmy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.api.Harness;
import dev.timmy.config.JournalConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.JournalReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving for a while: 200 demo cycles through the assembled service's cycle, an hour apart on
 * the journal's clock with one day of retention. The journal must level off at the retention and
 * the heap must not keep growing. Figures are printed; only growth is asserted, never time.
 */
class SoakTest {
  static final int CYCLES = 200;

  /** The journal's clock, moved by the test. */
  static final class StepClock implements InstantSource {
    private volatile Instant now = Instant.parse("2026-11-23T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  record Sample(int cycle, long heapBytes, long journalBytes, long cycles, long items, double msPerCycle) {}

  @Test
  void two_hundred_cycles_level_off_at_the_retention(@TempDir Path dir) throws Exception {
    TimmyConfig d = Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules"));
    TimmyConfig config = new TimmyConfig(d.owner(), d.agents(), null, null, d.service(), d.budgets(),
        new JournalConfig(dir.resolve("timmy.db").toString(), 1));
    StepClock clock = new StepClock();
    List<Sample> samples = new ArrayList<>();
    try (Service service = Service.assemble(config, Harness.secrets(), ServeOptions.defaults().clock(clock))) {
      JournalReader reader = service.journal().reader();
      long began = System.nanoTime();
      long lastAt = began;
      int lastN = 0;
      for (int n = 1; n <= CYCLES; n++) {
        assertEquals(CycleStatus.OK, service.cycle().run("soak").status());
        clock.advance(Duration.ofHours(1));
        if (n == 1 || n % 50 == 0) {
          long now = System.nanoTime();
          samples.add(new Sample(n, heapAfterGc(), size(dir), reader.cycles(1, null).total(),
              reader.counts().decisionItems(), (now - lastAt) / 1e6 / Math.max(1, n - lastN)));
          lastAt = System.nanoTime();
          lastN = n;
        }
      }
      System.out.printf("soak: %d cycles in %.1f s%n", CYCLES, (System.nanoTime() - began) / 1e9);
    }
    System.out.println("soak: cycle  heap-after-gc  journal(db+wal)  cycles-kept  items-kept  ms/cycle");
    for (Sample s : samples) {
      System.out.printf("soak: %5d  %10.1f MB  %12.1f MB  %11d  %10d  %8.0f%n", s.cycle(), s.heapBytes() / 1e6,
          s.journalBytes() / 1e6, s.cycles(), s.items(), s.msPerCycle());
    }
    Sample at50 = samples.get(1);
    Sample at100 = samples.get(2);
    Sample last = samples.get(samples.size() - 1);
    assertTrue(last.cycles() <= 25, "one day of hourly cycles is kept, found " + last.cycles());
    assertEquals(at50.items(), last.items(), "the same demo decision, the same number of items kept");
    assertTrue(last.journalBytes() <= at100.journalBytes() * 1.25, "the journal file levels off: " + samples);
    assertTrue(last.heapBytes() <= at50.heapBytes() + 16_000_000L, "the heap levels off: " + samples);
  }

  private static long heapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long size(Path dir) throws IOException {
    long total = 0;
    for (String name : List.of("timmy.db", "timmy.db-wal")) {
      Path f = dir.resolve(name);
      if (Files.exists(f)) total += Files.size(f);
    }
    return total;
  }
}
