package dev.timmy.cycle;

import java.time.Instant;

/**
 * What the loop is doing, for health and the dashboard. {@code nextRunAt} is the next scheduled
 * run (null while a cycle runs or after close); {@code lastError} is the last cycle that could not
 * even be recorded (a broken journal, a bug), null when the last one was recorded.
 */
public record LoopStatus(
    boolean started, boolean running, boolean pending, Instant nextRunAt, Long lastCycleId, String lastError) {}
