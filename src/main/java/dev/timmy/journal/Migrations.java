package dev.timmy.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The schema as ordered steps. {@code schema_version} holds one row per applied step; opening a
 * journal applies the steps it lacks, each in its own transaction, and refuses a file written by
 * a newer Timmy. Steps are never edited once released: a change is a new step.
 */
final class Migrations {
  /** One step: its version, what it does in words, and its statements. */
  record Step(int version, String description, List<String> statements) {}

  static final List<Step> STEPS = List.of(
      new Step(1, "cycles, decision items, proposals and actions", List.of(
          """
          CREATE TABLE cycles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started INTEGER NOT NULL, ended INTEGER, status TEXT NOT NULL, trigger TEXT NOT NULL,
            mode TEXT NOT NULL, error TEXT, rules_revision TEXT, snapshot_digest TEXT,
            snapshot_taken_at INTEGER, complete INTEGER, counts TEXT)""",
          "CREATE INDEX cycles_started ON cycles(started)",
          "CREATE INDEX cycles_status ON cycles(status, id)",
          """
          CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, subject TEXT NOT NULL, rule_id TEXT NOT NULL, body TEXT NOT NULL)""",
          "CREATE INDEX items_cycle ON items(cycle_id, kind)",
          "CREATE INDEX items_subject ON items(subject, cycle_id)",
          """
          CREATE TABLE item_rules (
            rule_id TEXT NOT NULL,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            PRIMARY KEY (rule_id, item_id)) WITHOUT ROWID""",
          "CREATE INDEX item_rules_item ON item_rules(item_id)",
          """
          CREATE TABLE proposals (
            id INTEGER PRIMARY KEY,
            cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            key TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, rule_id TEXT NOT NULL,
            reason TEXT, vetoes TEXT NOT NULL, refusal TEXT)""",
          "CREATE INDEX proposals_cycle ON proposals(cycle_id, key)",
          "CREATE INDEX proposals_item ON proposals(item_id)",
          """
          CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
            key TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, mode TEXT NOT NULL,
            status TEXT NOT NULL, code TEXT, outcome TEXT,
            intended_at INTEGER NOT NULL, finished_at INTEGER, proposal TEXT NOT NULL)""",
          "CREATE INDEX actions_cycle ON actions(cycle_id)",
          "CREATE INDEX actions_key ON actions(key, status)",
          "CREATE INDEX actions_subject ON actions(subject, kind, intended_at)",
          "CREATE INDEX actions_status ON actions(status, mode)")),
      new Step(2, "triage: every model call about an issue version, its answer or why none", List.of(
          """
          CREATE TABLE triage (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL, issue_updated_at INTEGER NOT NULL, model TEXT NOT NULL, role TEXT NOT NULL,
            at INTEGER NOT NULL, ok INTEGER NOT NULL, failure TEXT,
            area TEXT, kind TEXT, complexity TEXT, summary TEXT, confidence REAL)""",
          "CREATE INDEX triage_issue ON triage(subject, issue_updated_at)",
          "CREATE INDEX triage_at ON triage(at)")),
      new Step(3, "webhook deliveries accepted in the last day", List.of(
          "CREATE TABLE webhook_deliveries (key TEXT PRIMARY KEY, received INTEGER NOT NULL)",
          "CREATE INDEX webhook_deliveries_received ON webhook_deliveries(received)")),
      new Step(4, "occurrences of a reported problem (a recurring problem is told again)", List.of(
          """
          CREATE TABLE occurrences (
            key TEXT PRIMARY KEY, occurrence INTEGER NOT NULL, first_cycle INTEGER NOT NULL,
            last_cycle INTEGER NOT NULL) WITHOUT ROWID""")),
      new Step(5, "items kept while unchanged (cycle_id to until_cycle), snapshots stored compressed once", List.of(
          "ALTER TABLE items ADD COLUMN until_cycle INTEGER NOT NULL DEFAULT " + Long.MAX_VALUE,
          "ALTER TABLE items ADD COLUMN sort_key TEXT",
          "ALTER TABLE items ADD COLUMN digest BLOB",
          "ALTER TABLE items ADD COLUMN clock INTEGER",
          // an item written before this step belongs to its own cycle only
          "UPDATE items SET until_cycle = cycle_id + 1",
          "CREATE INDEX items_until ON items(until_cycle, cycle_id)",
          "CREATE INDEX items_open ON items(kind, sort_key) WHERE until_cycle = " + Long.MAX_VALUE,
          "ALTER TABLE cycles ADD COLUMN items INTEGER",
          "ALTER TABLE cycles ADD COLUMN clock INTEGER",
          "UPDATE cycles SET items = (SELECT count(*) FROM items WHERE items.cycle_id = cycles.id)",
          "CREATE INDEX proposals_key ON proposals(key)",
          """
          CREATE TABLE snapshots (
            digest TEXT PRIMARY KEY, base TEXT, depth INTEGER NOT NULL, taken_at INTEGER NOT NULL,
            json_bytes INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID""")));

  private Migrations() {}

  /** Applies the missing steps of {@code steps}; returns the version the file is at afterwards. */
  static int apply(Database db, List<Step> steps) {
    db.write("create schema_version", c -> {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
            + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
      }
      return null;
    });
    int current = db.read("read schema_version", Migrations::version);
    int latest = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).version();
    if (current > latest) {
      throw new JournalException("journal: " + db.file() + " has schema version " + current
          + ", expected at most " + latest + " (written by a newer Timmy; use that version or another file)");
    }
    for (Step step : steps) {
      if (step.version() <= current) continue;
      db.write("migrate to schema version " + step.version() + " (" + step.description() + ")", c -> {
        try (Statement s = c.createStatement()) {
          for (String sql : step.statements()) s.executeUpdate(sql);
        }
        Database.update(c, "INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)",
            step.version(), step.description(), Instant.now());
        return null;
      });
      current = step.version();
    }
    return current;
  }

  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }
}
