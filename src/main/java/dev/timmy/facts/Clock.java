package dev.timmy.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The time of a snapshot. Rules ask it for ages; they never read the wall clock. */
public record Clock(Instant now) {
  public Clock {
    Objects.requireNonNull(now, "now == null");
  }

  /** Whole days from {@code then} to now; 0 for an unknown or future instant. */
  public long daysSince(Instant then) {
    return then == null ? 0 : Math.max(0, Duration.between(then, now).toDays());
  }

  /** Whole days from now to {@code when}; 0 for an unknown or past instant (due dates). */
  public long daysUntil(Instant when) {
    return when == null ? 0 : Math.max(0, Duration.between(now, when).toDays());
  }

  /** Whole hours from {@code then} to now; 0 for an unknown or future instant. */
  public long hoursSince(Instant then) {
    return then == null ? 0 : Math.max(0, Duration.between(then, now).toHours());
  }

  /** A span of hours in words: hours up to two days ({@code 30 h}), then whole days ({@code 6 days}). */
  public static String span(long hours) {
    return hours < 48 ? hours + " h" : (hours / 24) + " days";
  }

  /** Whole minutes from {@code then} to now; 0 for an unknown or future instant. */
  public long minutesSince(Instant then) {
    return then == null ? 0 : Math.max(0, Duration.between(then, now).toMinutes());
  }
}
