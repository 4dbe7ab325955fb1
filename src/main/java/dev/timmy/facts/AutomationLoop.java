package dev.timmy.facts;

import java.time.Instant;

/**
 * A loop Timmy watches. Rules name it; only the config holds how to restart it.
 * {@code restartsRecent} counts Timmy's restarts of it within the configured window.
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
    String detail) {}
