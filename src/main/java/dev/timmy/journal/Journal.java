package dev.timmy.journal;

import dev.timmy.act.ActionCode;
import dev.timmy.act.Mode;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import dev.timmy.decide.Decision;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * What Timmy decided and did, in one SQLite file. A cycle is written as it happens: begun
 * (RUNNING), observed (snapshot digest), decided (every item), acted (each action's intent before
 * and outcome after), finished (OK or FAILED). Reads go through {@link #reader()}.
 */
public final class Journal {

  private final Database db;
  private final InstantSource clock;
  private final int schemaVersion;
  private final SnapshotStore snapshots = new SnapshotStore();
  private final ItemWriter items;

  private Journal(Database db, InstantSource clock, int schemaVersion) {
    this.db = db;
    this.clock = clock;
    this.schemaVersion = schemaVersion;
    this.items = new ItemWriter(db);
  }

  public static Journal open(Path file) {
    return open(file, InstantSource.system());
  }

  /** Opens (creating it and its folder if needed) and migrates the journal at {@code file}. */
  public static Journal open(Path file, InstantSource clock) {
    return open(file, clock, Migrations.STEPS);
  }

  static Journal open(Path file, InstantSource clock, List<Migrations.Step> steps) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
    } catch (IOException e) {
      throw new JournalException("create the folder of " + file, e);
    }
    Database db = new Database(file);
    return new Journal(db, clock, Migrations.apply(db, steps));
  }

  public JournalReader reader() {
    return new JournalReader(db);
  }

  /** The brain's record of model calls (answers and failures), kept apart from the pruned cycles. */
  public TriageLog triage() {
    return new TriageLog(db);
  }

  /** The webhook deliveries accepted in the last day (replays are refused). */
  public Deliveries deliveries() {
    return new Deliveries(db, clock);
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  public Path file() {
    return db.file();
  }

  /** Starts a cycle (RUNNING) and returns its id. */
  public long beginCycle(String trigger, Mode mode, String rulesRevision) {
    return db.write("begin a cycle", c -> Database.insert(c,
        "INSERT INTO cycles(started, status, trigger, mode, rules_revision) VALUES (?, ?, ?, ?, ?)",
        clock.instant(), CycleStatus.RUNNING, trigger, mode, rulesRevision));
  }

  /**
   * Records what was observed: the snapshot itself (stored once, deflated, as a delta from the
   * previous one where that is smaller), its digest, time and completeness. Returns the digest.
   */
  public String observed(long cycleId, Snapshot snapshot) {
    byte[] json = SnapshotDigest.canonical(snapshot);
    String digest = SnapshotDigest.of(json);
    snapshots.remember(db.write("record the snapshot of cycle " + cycleId, c -> {
      SnapshotStore.Stored stored = snapshots.put(c, json, digest, snapshot.takenAt());
      Database.update(c, "UPDATE cycles SET snapshot_digest = ?, snapshot_taken_at = ?, complete = ? WHERE id = ?",
          digest, snapshot.takenAt(), snapshot.complete(), cycleId);
      return stored;
    }));
    return digest;
  }

  /**
   * Records the decision as what changed since the last decided cycle ({@link ItemWriter}).
   * Reading a cycle back gives every item of its decision in the decision's order
   * ({@link JournalReader#cycle}).
   */
  public void decided(long cycleId, Decision d) {
    items.write(cycleId, d);
  }

  /** Ends a cycle. {@code counts} may be {@link CycleCounts#none()} for a failed cycle. */
  public void finishCycle(long cycleId, CycleStatus status, String error, CycleCounts counts) {
    db.write("finish cycle " + cycleId, c -> Database.update(c,
        "UPDATE cycles SET ended = ?, status = ?, error = ?, counts = ? WHERE id = ?",
        clock.instant(), status, error, json(counts), cycleId));
  }

  /** Writes a live action's intent before acting; returns the action id for its outcome. */
  public long intend(long cycleId, ProposalItem p, Mode mode) {
    return db.write("record the intent of " + p.id(), c -> Database.insert(c,
        "INSERT INTO actions(cycle_id, key, kind, subject, mode, status, intended_at, proposal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        cycleId, p.id(), p.kind(), p.subject(), mode, ActionStatus.INTENDED, clock.instant(), json(p)));
  }

  /** Writes the outcome of an intended action. */
  public ActionRow complete(long actionId, ActionStatus status, ActionCode code, String outcome) {
    db.write("record the outcome of action " + actionId, c -> Database.update(c,
        "UPDATE actions SET status = ?, code = ?, outcome = ?, finished_at = ? WHERE id = ?",
        status, wire(code), outcome, clock.instant(), actionId));
    return reader().action(actionId);
  }

  /**
   * Writes an action that needs no intent (nothing is touched): WOULD_DO, REFUSED, SKIPPED. Its
   * proposal is not stored again (the cycle's decision items hold it; only an intent, which a
   * restart must re-check, keeps its proposal on the row), so a cycle's refusals cost a short row each.
   */
  public ActionRow record(long cycleId, ProposalItem p, Mode mode, ActionStatus status, ActionCode code, String outcome) {
    Instant at = Instant.ofEpochMilli(clock.instant().toEpochMilli());
    long id = db.write("record action " + p.id(), c -> {
      if (status == ActionStatus.REFUSED) {
        // the proposal's row may have been written by an earlier cycle and kept since: the one this cycle holds
        Database.update(c, "UPDATE proposals SET refusal = ? WHERE key = ? AND cycle_id <= ? AND EXISTS (SELECT 1"
            + " FROM items i WHERE i.id = proposals.item_id AND i.until_cycle > ?)", outcome, p.id(), cycleId, cycleId);
      }
      return Database.insert(c, "INSERT INTO actions(cycle_id, key, kind, subject, mode, status, code, outcome,"
          + " intended_at, finished_at, proposal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          cycleId, p.id(), p.kind(), p.subject(), mode, status, wire(code), outcome, at, at, "");
    });
    // the row as it reads back (times to the millisecond, as the journal keeps them), without reading it back
    return new ActionRow(id, cycleId, p.id(), p.kind(), p.subject(), mode, status, code, outcome, at, at);
  }

  /** The code as the journal stores it: its snake_case name ({@link ActionCode#read} reads older kebab-case too). */
  private static String wire(ActionCode code) {
    return code == null ? null : code.wire();
  }

  /**
   * Which occurrence of the problem behind {@code key} cycle {@code cycleId} sees: 1 the first
   * time, the same number while every complete, successful cycle in between proposed it too, and
   * one more once the problem went away (a complete OK cycle without it) and came back. Failed and
   * partial cycles never end an occurrence: a gap in what Timmy saw is not a fix. Kept apart
   * from the cycles, so pruning does not renumber a problem that lasts; one last seen in a cycle
   * since pruned (older than the retention) is a new occurrence.
   */
  public int occurrence(String key, long cycleId) {
    return db.write("count the occurrence of " + key, c -> {
      Optional<long[]> row = JournalReader.first(c, "SELECT occurrence, last_cycle FROM occurrences WHERE key = ?",
          r -> new long[] {r.getLong(1), r.getLong(2)}, key);
      if (row.isEmpty()) {
        Database.update(c, "INSERT INTO occurrences(key, occurrence, first_cycle, last_cycle) VALUES (?, 1, ?, ?)",
            key, cycleId, cycleId);
        return 1;
      }
      long occurrence = row.get()[0];
      long last = row.get()[1];
      long gap = JournalReader.first(c, "SELECT count(*) FROM cycles WHERE id > ? AND id < ? AND status = ? AND complete = 1",
          r -> r.getLong(1), last, cycleId, CycleStatus.OK).orElse(0L);
      boolean pruned = JournalReader.first(c, "SELECT count(*) FROM cycles WHERE id = ?", r -> r.getLong(1), last)
          .orElse(0L) == 0 && last != cycleId;
      if (gap > 0 || pruned) {
        occurrence++;
        Database.update(c, "UPDATE occurrences SET occurrence = ?, first_cycle = ?, last_cycle = ? WHERE key = ?",
            occurrence, cycleId, cycleId, key);
      } else if (cycleId > last) {
        Database.update(c, "UPDATE occurrences SET last_cycle = ? WHERE key = ?", cycleId, key);
      }
      return (int) occurrence;
    });
  }

  /** Marks cycles left RUNNING by a Timmy that stopped as FAILED; returns how many. */
  public int failRunningCycles(String reason) {
    return db.write("close interrupted cycles", c -> Database.update(c,
        "UPDATE cycles SET status = ?, error = ?, ended = ? WHERE status = ?",
        CycleStatus.FAILED, reason, clock.instant(), CycleStatus.RUNNING));
  }

  /** Actions left INTENDED: Timmy stopped between intent and outcome. */
  public List<PendingAction> pendingActions() {
    return reader().pending();
  }

  /**
   * Deletes cycles that started longer than {@code retention} ago, with all their rows. An item
   * kept into a cycle that stays moves to the first such cycle; a snapshot stays while a kept
   * cycle's snapshot is a delta from it.
   */
  public int prune(Duration retention) {
    Instant before = clock.instant().minus(retention);
    return db.write("delete cycles older than " + retention.toDays() + " days", c -> {
      String pruned = "SELECT id FROM cycles WHERE started < ? AND status <> ?";
      String firstKept = "(SELECT min(y.id) FROM cycles y WHERE y.id > items.cycle_id AND y.id < items.until_cycle"
          + " AND NOT (y.started < ? AND y.status <> ?))";
      Database.update(c, "UPDATE items SET cycle_id = " + firstKept + " WHERE cycle_id IN (" + pruned + ") AND "
          + firstKept + " IS NOT NULL", before, CycleStatus.RUNNING, before, CycleStatus.RUNNING, before, CycleStatus.RUNNING);
      Database.update(c, "UPDATE proposals SET cycle_id = (SELECT i.cycle_id FROM items i WHERE i.id = proposals.item_id)"
          + " WHERE cycle_id IN (" + pruned + ")", before, CycleStatus.RUNNING);
      int deleted = Database.update(c, "DELETE FROM cycles WHERE started < ? AND status <> ?", before, CycleStatus.RUNNING);
      if (deleted > 0) {
        Database.update(c, "WITH RECURSIVE kept(digest) AS (SELECT snapshot_digest FROM cycles WHERE snapshot_digest IS NOT NULL"
            + " UNION SELECT s.base FROM snapshots s JOIN kept k ON s.digest = k.digest WHERE s.base IS NOT NULL)"
            + " DELETE FROM snapshots WHERE digest NOT IN (SELECT digest FROM kept)");
      }
      return deleted;
    });
  }

  static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(value.getClass().getSimpleName() + " cannot be written as JSON", e);
    }
  }
}
