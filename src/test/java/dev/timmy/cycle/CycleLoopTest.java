package dev.timmy.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.Authority;
import dev.timmy.act.Executor;
import dev.timmy.act.RecordingTarget;
import dev.timmy.config.TimmyConfig;
import dev.timmy.decide.RuleBook;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CycleLoopTest {
  private static Path rulesDir;
  private static RuleBook rules;

  @TempDir Path dir;
  private Journal journal;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger runs = new AtomicInteger();
  private volatile long observeMillis = 150;
  /** When set, the first observation signals {@code entered} and waits for {@code release}. */
  private volatile CountDownLatch entered;
  private volatile CountDownLatch release;
  /** When set, the first observation throws it. */
  private volatile Error firstRunError;
  private final Snapshot world = Given.snapshot(List.of(Given.issue("alex/app", 1)), List.of());

  @BeforeAll
  static void compile(@TempDir Path dir) throws Exception {
    rulesDir = dir;
    Drl.write(dir, "greet.drl", Drl.GREET);
    rules = RuleBook.open(dir);
  }

  @BeforeEach
  void open() {
    journal = Journal.open(dir.resolve("timmy.db"));
  }

  /** Slow, and counts how many observations run at once. */
  private Snapshot observe() {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    int run = runs.incrementAndGet();
    if (run == 1 && firstRunError != null) {
      inFlight.decrementAndGet();
      throw firstRunError;
    }
    try {
      if (run == 1 && entered != null) {
        entered.countDown();
        release.await(10, TimeUnit.SECONDS);
      }
      Thread.sleep(observeMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
    return world;
  }

  private CycleLoop loop(Duration period, RulesWatcher watcher) {
    TimmyConfig config = TimmyConfig.demo();
    Cycle cycle = new Cycle(this::observe, rules, Authority.from(config, journal),
        new Executor(List.of(RecordingTarget.forAll()), journal, Mode.DRY_RUN), journal, Duration.ofDays(30));
    return new CycleLoop(cycle, watcher, period, Duration.ofSeconds(10));
  }

  @Test
  void a_storm_of_triggers_during_a_cycle_never_overlaps_and_costs_exactly_one_more_run() throws Exception {
    observeMillis = 1;
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
    try (CycleLoop loop = loop(Duration.ofHours(1), null)) {
      loop.start();
      assertTrue(entered.await(10, TimeUnit.SECONDS), "the first cycle started");
      List<CompletableFuture<CycleRow>> futures = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Thread th = new Thread(() -> {
          for (int i = 0; i < 25; i++) {
            CompletableFuture<CycleRow> f = loop.triggerNow("webhook");
            synchronized (futures) {
              futures.add(f);
            }
          }
        });
        th.start();
        threads.add(th);
      }
      for (Thread th : threads) th.join();
      assertTrue(loop.status().running() && loop.status().pending(), loop.status().toString());
      release.countDown();
      Set<Long> served = new HashSet<>();
      for (CompletableFuture<CycleRow> f : futures) {
        CycleRow row = f.get(10, TimeUnit.SECONDS);
        assertEquals(CycleStatus.OK, row.status());
        assertEquals("webhook", row.trigger());
        served.add(row.id());
      }
      assertEquals(200, futures.size());
      assertEquals(Set.of(2L), served, "all 200 triggers were served by the one run after the running one");
      assertEquals(2, runs.get());
      assertEquals(1, maxInFlight.get(), "cycles never overlap");
    }
  }

  @Test
  void the_loop_runs_on_schedule_and_reports_its_status() throws Exception {
    observeMillis = 1;
    try (CycleLoop loop = loop(Duration.ofMillis(100), null)) {
      assertFalse(loop.status().started());
      loop.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (runs.get() < 3 && System.nanoTime() < deadline) Thread.sleep(20);
      assertTrue(runs.get() >= 3, "scheduled runs happened: " + runs.get());
      LoopStatus status = loop.status();
      assertTrue(status.started());
      assertTrue(status.lastCycleId() != null && status.lastCycleId() >= 2, status.toString());
      assertEquals(null, status.lastError());
      assertEquals("schedule", journal.reader().lastCycle().orElseThrow().trigger());
    }
  }

  @Test
  void close_waits_for_the_running_cycle_and_later_triggers_fail() throws Exception {
    observeMillis = 1;
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
    CycleLoop loop = loop(Duration.ofHours(1), null);
    loop.start();
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    Thread closing = new Thread(loop::close);
    closing.start();
    closing.join(200);
    assertTrue(closing.isAlive(), "close waits while a cycle runs");
    release.countDown();
    closing.join(10_000);
    assertFalse(closing.isAlive());
    CycleRow last = journal.reader().lastCycle().orElseThrow();
    // The running cycle is journaled before close returns: OK when its evaluation was done before a
    // cancel reached it, else FAILED because Timmy is stopping (close cancels evaluations at once).
    assertTrue(last.status() == CycleStatus.OK
        || (last.status() == CycleStatus.FAILED && last.error().contains("Timmy is stopping")),
        "the running cycle finished before close returned: " + last.status() + " " + last.error());
    CancellationException e = assertThrows(CancellationException.class, () -> loop.triggerNow("api").get(1, TimeUnit.SECONDS));
    assertEquals("cycle loop stopped", e.getMessage());
  }

  @Test
  void a_triggered_cycle_picks_up_edited_rules_first(@TempDir Path own) throws Exception {
    observeMillis = 1;
    Drl.write(own, "greet.drl", Files.readString(rulesDir.resolve("greet.drl")));
    RuleBook book = RuleBook.open(own);
    TimmyConfig config = TimmyConfig.demo();
    Cycle cycle = new Cycle(this::observe, book, Authority.from(config, journal),
        new Executor(List.of(RecordingTarget.forAll()), journal, Mode.DRY_RUN), journal, Duration.ofDays(30));
    try (CycleLoop loop = new CycleLoop(cycle, new RulesWatcher(book), Duration.ofHours(1))) {
      loop.start();
      String first = loop.triggerNow("api").get(10, TimeUnit.SECONDS).rulesRevision();
      Files.writeString(own.resolve("greet.drl"), Drl.GREET.replace("Hello!", "Hi!"));
      CycleRow after = loop.triggerNow("api").get(10, TimeUnit.SECONDS);
      assertFalse(first.equals(after.rulesRevision()), "the edit was loaded before the cycle");
      assertEquals(book.revision(), after.rulesRevision());
    }
  }

  @Test
  void an_error_in_one_cycle_fails_that_cycle_and_the_loop_keeps_serving_triggers() throws Exception {
    observeMillis = 1;
    firstRunError = new StackOverflowError("a rule recursed too deep");
    try (CycleLoop loop = loop(Duration.ofHours(1), null)) {
      CompletableFuture<CycleRow> first = loop.triggerNow("api");
      loop.start();
      java.util.concurrent.ExecutionException failed =
          assertThrows(java.util.concurrent.ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
      assertTrue(failed.getCause() instanceof StackOverflowError, failed.toString());
      CycleRow next = loop.triggerNow("api").get(10, TimeUnit.SECONDS);
      assertEquals(CycleStatus.OK, next.status());
      assertFalse(loop.status().running());
      CycleRow broken = journal.reader().cycle(1).orElseThrow().cycle();
      assertEquals(CycleStatus.FAILED, broken.status(), broken.toString());
    }
  }
}
