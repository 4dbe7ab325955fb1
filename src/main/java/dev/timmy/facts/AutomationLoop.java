package dev.timmy.facts;

import java.time.Instant;

/**
 * A loop Timmy watches. Rules name it; only the config holds how to restart it.
 * {@code restartsRecent} counts Timmy's restarts of it within the configured window.
 * {@code repo} is the {@code owner/repo} a CI loop watches (where an issue about it belongs);
 * empty for other kinds.
 */
public record AutomationLoop(
    String name,
    LoopKind kind,
    Instant lastSuccessAt,
    Instant lastRunAt,
    long expectedPeriodSeconds,
    int consecutiveFailures,
    boolean restartable,
    int restartsRecent,
    String detail,
    String repo) {

  public AutomationLoop {
    detail = detail == null ? "" : detail;
    repo = repo == null ? "" : repo;
  }

  /** A loop that belongs to no repository. */
  public AutomationLoop(
      String name, LoopKind kind, Instant lastSuccessAt, Instant lastRunAt, long expectedPeriodSeconds,
      int consecutiveFailures, boolean restartable, int restartsRecent, String detail) {
    this(name, kind, lastSuccessAt, lastRunAt, expectedPeriodSeconds, consecutiveFailures, restartable,
        restartsRecent, detail, "");
  }
}
