package dev.timmy.journal;

import dev.timmy.act.Mode;
import java.time.Instant;

/**
 * One cycle as journaled. {@code ended}, {@code error}, the snapshot fields and {@code complete}
 * are null while unknown (a cycle that failed while observing has no snapshot digest).
 */
public record CycleRow(
    long id, Instant started, Instant ended, CycleStatus status, String trigger, Mode mode, String error,
    String rulesRevision, String snapshotDigest, Instant snapshotTakenAt, Boolean complete, CycleCounts counts) {}
