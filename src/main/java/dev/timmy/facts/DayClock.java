package dev.timmy.facts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The clock for ages counted in days: the snapshot's time truncated to the hour. It moves once an
 * hour, so in a session that lives across cycles the rules that count days (stale, age, due dates)
 * look again once an hour, not every cycle; a day boundary is seen within the hour after it.
 * Rules that count minutes or hours match {@link Clock}.
 */
public record DayClock(Clock clock) {
  public DayClock {
    Objects.requireNonNull(clock, "clock == null");
  }

  /** The day clock of the instant {@code at}. */
  public static DayClock of(Instant at) {
    return new DayClock(new Clock(at.truncatedTo(ChronoUnit.HOURS)));
  }

  /** The hour the clock shows. */
  public Instant now() {
    return clock.now();
  }

  /** Whole days from {@code then} to the hour shown; 0 for an unknown or future instant. */
  public long daysSince(Instant then) {
    return clock.daysSince(then);
  }

  /** Whole days from the hour shown to {@code when}; 0 for an unknown or past instant (due dates). */
  public long daysUntil(Instant when) {
    return clock.daysUntil(when);
  }
}
