package dev.timmy.journal;

/** What the journal holds, in bytes and rows: stored snapshots (deflated) and decision rows. */
public record JournalBytes(long snapshotBytes, long snapshots, long itemBytes, long items) {
  public long total() {
    return snapshotBytes + itemBytes;
  }
}
