package dev.timmy.journal;

import java.time.Instant;

/** Live write failures since the last successful write, and when the latest one happened. */
public record FailureStreak(int failures, Instant lastFailureAt) {
  public static FailureStreak none() {
    return new FailureStreak(0, null);
  }
}
