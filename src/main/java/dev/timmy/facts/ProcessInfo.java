package dev.timmy.facts;

import java.time.Instant;

/** A running process that matters (its name is watched by the config). */
public record ProcessInfo(long pid, String name, String user, long rssBytes, double cpuPercent, Instant startedAt) {}
