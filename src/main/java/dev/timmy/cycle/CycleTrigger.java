package dev.timmy.cycle;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Turns a burst of events (webhook deliveries) into one action: it runs once the events have been
 * quiet for {@code quiet}, and at the latest {@code maxDelay} after the first of the burst, so a
 * steady stream still triggers. Actions run one at a time on the trigger's own thread; events
 * during a run start the next burst.
 */
public final class CycleTrigger implements AutoCloseable {
  /** The timing rule alone, in nanoseconds, without threads. */
  static final class Debounce {
    private final long quiet;
    private final long max;
    private long first = -1;
    private long last;

    Debounce(Duration quiet, Duration maxDelay) {
      this.quiet = quiet.toNanos();
      this.max = Math.max(quiet.toNanos(), maxDelay.toNanos());
    }

    /** Records an event at {@code now}; returns when the burst is due. */
    synchronized long signal(long now) {
      if (first < 0) first = now;
      last = now;
      return due();
    }

    synchronized long due() {
      return first < 0 ? Long.MAX_VALUE : Math.min(last + quiet, first + max);
    }

    /** True, once, when a burst is due at {@code now}; the next event starts a new burst. */
    synchronized boolean fire(long now) {
      if (first < 0 || now - due() < 0) return false;
      first = -1;
      return true;
    }
  }

  private final Debounce debounce;
  private final Runnable action;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier nanos;
  private ScheduledFuture<?> pending;

  public CycleTrigger(Duration quiet, Duration maxDelay, Runnable action) {
    this(quiet, maxDelay, action, Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "timmy-cycle-trigger");
      t.setDaemon(true);
      return t;
    }), System::nanoTime);
  }

  CycleTrigger(Duration quiet, Duration maxDelay, Runnable action, ScheduledExecutorService scheduler, LongSupplier nanos) {
    this.debounce = new Debounce(quiet, maxDelay);
    this.action = Objects.requireNonNull(action, "action == null");
    this.scheduler = scheduler;
    this.nanos = nanos;
  }

  /** One event arrived (e.g. a verified webhook); returns at once. */
  public synchronized void signal() {
    long now = nanos.getAsLong();
    schedule(debounce.signal(now) - now);
  }

  private synchronized void schedule(long delayNanos) {
    if (pending != null) pending.cancel(false);
    pending = scheduler.schedule(this::check, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
  }

  private void check() {
    long now = nanos.getAsLong();
    if (debounce.fire(now)) {
      action.run();
      return;
    }
    long due = debounce.due();
    if (due != Long.MAX_VALUE) schedule(due - now);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
