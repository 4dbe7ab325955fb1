package dev.timmy.cycle;

import dev.timmy.decide.RuleBook;
import dev.timmy.journal.CycleRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a cycle every period on one thread, so cycles never overlap. {@link #triggerNow} (API,
 * webhook) asks for a run as soon as possible; every trigger that arrives before that run starts
 * joins it, so a storm of triggers costs one extra cycle, not one each. Before each cycle the
 * rules are refreshed if their files changed.
 */
public final class CycleLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CycleLoop.class);

  private final Cycle cycle;
  private final RulesWatcher watcher;
  private final Duration period;
  private final Duration grace;
  private final Object lock = new Object();
  private Thread thread;
  private CompletableFuture<CycleRow> next = new CompletableFuture<>();
  private String pendingTrigger;
  private boolean stopping;
  private boolean running;
  private long dueNanos;
  private Long lastCycleId;
  private String lastError;

  /** {@code watcher} may be null (no hot reload); {@code grace} bounds how long close waits. */
  public CycleLoop(Cycle cycle, RulesWatcher watcher, Duration period, Duration grace) {
    if (period.isZero() || period.isNegative()) throw new IllegalArgumentException("period: expected > 0, found " + period);
    this.cycle = cycle;
    this.watcher = watcher;
    this.period = period;
    this.grace = grace;
  }

  public CycleLoop(Cycle cycle, RulesWatcher watcher, Duration period) {
    this(cycle, watcher, period, Duration.ofSeconds(60));
  }

  /** Recovers from an earlier stop, then starts the thread; the first cycle runs at once. */
  public void start() {
    synchronized (lock) {
      if (thread != null) throw new IllegalStateException("cycle loop already started");
      cycle.recover();
      dueNanos = System.nanoTime();
      thread = new Thread(this::loop, "timmy-cycle");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Asks for a cycle now. The future completes with the journal row of the run that served this
   * request (shared by every trigger coalesced into it); it fails if the loop stops first.
   */
  public CompletableFuture<CycleRow> triggerNow(String trigger) {
    synchronized (lock) {
      if (stopping) return CompletableFuture.failedFuture(new CancellationException("cycle loop stopped"));
      if (pendingTrigger == null) pendingTrigger = trigger;
      lock.notifyAll();
      return next.thenApply(row -> row);
    }
  }

  public LoopStatus status() {
    synchronized (lock) {
      Instant nextRunAt = running || stopping || thread == null ? null
          : Instant.now().plusNanos(Math.max(0, dueNanos - System.nanoTime()));
      return new LoopStatus(thread != null, running, pendingTrigger != null, nextRunAt, lastCycleId, lastError);
    }
  }

  /**
   * Stops after the running cycle (waiting up to the grace period); pending triggers fail. An
   * evaluation under way is cancelled at once, so no rule can hold the stop up.
   */
  @Override
  public void close() {
    Thread t;
    synchronized (lock) {
      stopping = true;
      lock.notifyAll();
      t = thread;
    }
    if (t == null) return;
    try {
      // Cancel again while waiting: the cycle may reach its evaluation after the first cancel.
      long until = System.nanoTime() + grace.toNanos();
      do {
        cycle.cancelEvaluation();
        t.join(100);
      } while (t.isAlive() && System.nanoTime() < until);
      if (t.isAlive()) {
        LOG.warn("cycle still running after {}; interrupting it", grace);
        t.interrupt();
        t.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    while (true) {
      Optional<Run> run = awaitNext();
      if (run.isEmpty()) break;
      runOnce(run.get());
    }
    synchronized (lock) {
      next.completeExceptionally(new CancellationException("cycle loop stopped"));
    }
  }

  private record Run(String trigger, CompletableFuture<CycleRow> done) {}

  /** Waits for a trigger or the due time; empty when stopping. */
  private Optional<Run> awaitNext() {
    synchronized (lock) {
      try {
        long wait;
        while (!stopping && pendingTrigger == null && (wait = dueNanos - System.nanoTime()) > 0) {
          lock.wait(Math.max(1, wait / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping = true;
      }
      if (stopping) return Optional.empty();
      Run run = new Run(pendingTrigger == null ? "schedule" : pendingTrigger, next);
      pendingTrigger = null;
      next = new CompletableFuture<>();
      running = true;
      return Optional.of(run);
    }
  }

  private void runOnce(Run run) {
    CycleRow row = null;
    Throwable failure = null;
    boolean inCycle = false;
    try {
      if (watcher != null) watcher.refresh().filter(r -> !r.ok()).ifPresent(CycleLoop::reportRuleErrors);
      inCycle = true;
      row = cycle.run(run.trigger());
    } catch (RuntimeException | Error e) {
      // Not swallowed: the cycle is marked FAILED where possible, the error is kept for health,
      // and the triggers waiting on this run see it. The loop itself must keep its schedule: an
      // Error (a rule recursing too deep) must not kill the thread and leave it "running" forever.
      // What failed inside the cycle was logged there with its stack and the cycle id: once is enough.
      if (inCycle) LOG.error("cycle ({}) could not complete: {}", run.trigger(), e.toString());
      else LOG.error("cycle ({}) could not complete: {}", run.trigger(), e.getMessage(), e);
      failure = e;
    }
    synchronized (lock) {
      running = false;
      dueNanos = System.nanoTime() + period.toNanos();
      if (row != null) lastCycleId = row.id();
      lastError = failure == null ? null : failure.getMessage();
    }
    if (failure == null) run.done().complete(row);
    else run.done().completeExceptionally(failure);
  }

  private static void reportRuleErrors(RuleBook.Reload reload) {
    LOG.warn("rules changed but do not compile; keeping revision {}: {}", reload.revision(), reload.errors());
  }
}
