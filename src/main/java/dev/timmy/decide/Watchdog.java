package dev.timmy.decide;

import dev.timmy.facts.Snapshot;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each evaluation on a worker thread of its own and gives up on it at the deadline: it halts
 * the session, interrupts the thread and, when a consequence spins in plain Java and ignores both,
 * abandons it. The workers are daemons (they never hold Timmy up at exit) and bounded: a permit is
 * returned only when a worker really ends, so a rule book that hangs every evaluation costs at most
 * {@code maxWorkers} threads, after which evaluations are refused at once.
 */
final class Watchdog {
  /** How long a halted evaluation gets to unwind before it is abandoned. */
  private static final Duration UNWIND = Duration.ofMillis(500);
  private static final AtomicLong WORKERS = new AtomicLong();
  /**
   * The first evaluation in a JVM also loads and JIT-compiles the engine, several seconds on a busy
   * machine: until one has finished, deadlines are {@link #COLD} times longer. JVM-wide on purpose,
   * as that cost is.
   */
  private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();
  static final int COLD = 6;

  private final Semaphore workers;
  private final int maxWorkers;
  /** The evaluations being waited for, so {@link #cancelAll} can end them at once. */
  private final java.util.Set<Running> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private record Running(Evaluation evaluation, Thread worker, CompletableFuture<Decision> result) {}

  Watchdog(int maxWorkers) {
    this.maxWorkers = maxWorkers;
    this.workers = new Semaphore(maxWorkers);
  }

  /** The decision, or an {@link EvaluationException} (a {@link Overdue} past the deadline). */
  Decision run(Evaluation evaluation, Snapshot snapshot, Duration deadline) {
    if (!workers.tryAcquire()) {
      throw new EvaluationException("no evaluation can start: " + maxWorkers + " earlier evaluations are still stuck past"
          + " their deadline in rule code that ignores being halted; fix the rule and restart Timmy");
    }
    CompletableFuture<Decision> result = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        result.complete(evaluation.run(snapshot));
      } catch (Throwable e) {
        result.completeExceptionally(e);
      } finally {
        workers.release();
      }
    }, "timmy-evaluation-" + WORKERS.incrementAndGet());
    worker.setDaemon(true);
    Running it = new Running(evaluation, worker, result);
    running.add(it);
    worker.start();
    Duration allowed = WARM.get() ? deadline : deadline.multipliedBy(COLD);
    try {
      Decision d = result.get(allowed.toMillis(), TimeUnit.MILLISECONDS);
      WARM.set(true);
      return d;
    } catch (TimeoutException e) {
      String where = evaluation.inRule();
      evaluation.halt();
      worker.interrupt();
      String outcome = ended(result) ? "it was halted"
          : stop(worker, result) ? "the rule ignored being halted and its thread was stopped"
          : "the rule ignored being halted and its thread was abandoned";
      throw new Overdue("evaluation past its deadline of " + seconds(allowed) + where + "; " + outcome
          + ". No decision was made.", where);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof EvaluationException ee) throw ee;
      if (e.getCause() instanceof Error err) throw err;
      throw new EvaluationException("evaluation failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      evaluation.halt();
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new EvaluationException("evaluation interrupted: Timmy is stopping");
    } finally {
      running.remove(it);
    }
  }

  /** Ends every evaluation now (Timmy is stopping): each fails at once, its session halted. */
  void cancelAll() {
    for (Running r : running) {
      r.result().completeExceptionally(new EvaluationException("evaluation cancelled" + r.evaluation().inRule()
          + ": Timmy is stopping. No decision was made."));
      r.evaluation().halt();
      r.worker().interrupt();
    }
  }

  private static boolean ended(CompletableFuture<Decision> result) {
    try {
      result.get(UNWIND.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A consequence that spins in plain Java checks neither halt nor interrupt. Java 17 can still
   * stop such a thread (ThreadDeath unwinds it through the engine's finally blocks, and its session
   * is discarded); later Javas refuse, and then the thread stays abandoned, holding its permit.
   */
  @SuppressWarnings({"deprecation", "removal"})
  private static boolean stop(Thread worker, CompletableFuture<Decision> result) {
    try {
      worker.stop();
    } catch (UnsupportedOperationException | SecurityException refused) {
      return false;
    }
    return ended(result);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** An evaluation abandoned at its deadline; {@link #where} names the rule that was running. */
  static final class Overdue extends EvaluationException {
    private final String where;

    Overdue(String message, String where) {
      super(message);
      this.where = where;
    }

    String where() {
      return where;
    }
  }
}
