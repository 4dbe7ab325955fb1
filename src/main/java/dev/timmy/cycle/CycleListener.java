package dev.timmy.cycle;

/**
 * Told of every cycle once it is journaled (OK or FAILED), on the cycle's thread: keep it short.
 * The API keeps the latest snapshot and decision this way, and metrics count from it, so neither
 * has to re-read (or depend on) the pruned journal. An exception thrown here reaches the caller of
 * {@link Cycle#run} after the cycle is already recorded.
 */
@FunctionalInterface
public interface CycleListener {
  CycleListener NONE = outcome -> {};

  void finished(CycleOutcome outcome);

  /** Tells {@code this}, then {@code next}. */
  default CycleListener andThen(CycleListener next) {
    return outcome -> {
      finished(outcome);
      next.finished(outcome);
    };
  }
}
