package dev.timmy.journal;

import dev.timmy.decide.Decision;
import dev.timmy.decide.ProposalItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a decision as what changed since the last decided cycle: an item equal to one of that
 * cycle's (same kind, place and body, clock aside) keeps its row, which now reaches this cycle
 * too; the others are closed (their until_cycle is this cycle) and the new ones written. The last
 * cycle's open rows are kept in memory after a commit, so a steady cycle reads nothing back.
 */
final class ItemWriter {
  /** The until_cycle of a row still part of the last decided cycle. */
  static final long OPEN = Long.MAX_VALUE;

  /** The rows of the last decided cycle, by digest, and what its items were ({@link DecisionRows.Memo}). */
  private record Open(long cycleId, Map<RowDigest, Long> ids, DecisionRows.Memo memo) {}

  private final Database db;
  private volatile Open open;

  ItemWriter(Database db) {
    this.db = db;
  }

  void write(long cycleId, Decision d) {
    Open cached = open;
    DecisionRows.Memo memo = DecisionRows.Memo.empty();
    List<DecisionRows.Row> rows = DecisionRows.of(d, cached == null ? DecisionRows.Memo.empty() : cached.memo(), memo);
    Instant clock = d.snapshot() == null ? null : d.snapshot().takenAt();
    open = null; // until this transaction commits: a rolled back write leaves the file's rows, not these
    open = db.write("record the decision of cycle " + cycleId, c -> {
      Database.update(c, "UPDATE cycles SET rules_revision = ?, items = ?, clock = ? WHERE id = ?", d.rulesRevision(),
          rows.size(), clock, cycleId);
      Map<RowDigest, Long> before = open(c, cycleId, cached);
      if (rows.size() == before.size() && kept(rows, before)) return new Open(cycleId, before, memo); // a steady cycle
      Map<RowDigest, Long> after = new HashMap<>(rows.size() * 2);
      try (Statements s = new Statements(c)) {
        for (DecisionRows.Row row : rows) {
          Long kept = before.remove(row.digest());
          after.put(row.digest(), kept != null ? kept : s.insert(cycleId, row, clock));
        }
        for (long gone : before.values()) {
          Database.bind(s.close, cycleId, gone);
          s.close.addBatch();
        }
        s.close.executeBatch();
      }
      return new Open(cycleId, after, memo);
    });
  }

  /**
   * Whether every row is one of the open ones: with as many of each (digests are unique within a
   * cycle, their sort keys being), the open rows are then exactly this cycle's, and they stay.
   */
  private static boolean kept(List<DecisionRows.Row> rows, Map<RowDigest, Long> open) {
    for (DecisionRows.Row row : rows) if (!open.containsKey(row.digest())) return false;
    return true;
  }

  private static Map<RowDigest, Long> open(Connection c, long cycleId, Open cached) throws SQLException {
    long last = JournalReader.first(c, "SELECT coalesce(max(id), 0) FROM cycles WHERE items IS NOT NULL AND id < ?",
        r -> r.getLong(1), cycleId).orElse(0L);
    if (cached != null && cached.cycleId() == last) return cached.ids();
    // an open row without a row's digest (an altered file) matches no item: it ends here
    Database.update(c, "UPDATE items SET until_cycle = ? WHERE until_cycle = ? AND (digest IS NULL OR length(digest) != ?)",
        cycleId, OPEN, RowDigest.BYTES);
    Map<RowDigest, Long> ids = new HashMap<>();
    try (PreparedStatement s = Database.prepare(c, "SELECT id, digest FROM items WHERE until_cycle = ?", OPEN);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        ids.put(RowDigest.of(r.getBytes(2)), r.getLong(1));
      }
    }
    return ids;
  }

  /** The statements of one write, prepared once: a 10k-issue backlog's first cycle writes some 70,000 rows. */
  private static final class Statements implements AutoCloseable {
    final PreparedStatement item;
    final PreparedStatement lastId;
    final PreparedStatement rule;
    final PreparedStatement proposal;
    final PreparedStatement close;

    Statements(Connection c) throws SQLException {
      item = c.prepareStatement("INSERT INTO items(cycle_id, kind, subject, rule_id, body, sort_key, digest, clock)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      lastId = c.prepareStatement("SELECT last_insert_rowid()");
      rule = c.prepareStatement("INSERT OR IGNORE INTO item_rules(rule_id, item_id) VALUES (?, ?)");
      proposal = c.prepareStatement("INSERT INTO proposals(cycle_id, item_id, key, kind, subject, rule_id, reason, vetoes)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      close = c.prepareStatement("UPDATE items SET until_cycle = ? WHERE id = ?");
    }

    long insert(long cycleId, DecisionRows.Row row, Instant clock) throws SQLException {
      Database.bind(item, cycleId, row.kind(), row.subject(), row.ruleId(), row.body(), row.sortKey(), row.digest().bytes(), clock);
      item.executeUpdate();
      long id;
      try (ResultSet r = lastId.executeQuery()) {
        r.next();
        id = r.getLong(1);
      }
      for (String ruleId : row.rules()) {
        Database.bind(rule, ruleId, id);
        rule.executeUpdate();
      }
      ProposalItem p = row.proposal();
      if (p != null) {
        Database.bind(proposal, cycleId, id, p.id(), p.kind(), p.subject(), p.ruleId(), p.reason(), Journal.json(p.vetoes()));
        proposal.executeUpdate();
      }
      return id;
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement s : List.of(item, lastId, rule, proposal, close)) s.close();
    }
  }
}
