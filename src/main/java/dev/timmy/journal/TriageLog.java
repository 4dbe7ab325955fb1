package dev.timmy.journal;

import dev.timmy.facts.ModelRole;
import dev.timmy.facts.Triage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every triage call, one row each: the answer (a {@link Triage}) or why there was none. It is the
 * cache (an issue version already answered is never asked again, across restarts), the source of
 * back-offs (the failures) and of the hourly budget (the calls).
 */
public final class TriageLog {
  /** One call: {@code triage} when the answer was good, else {@code failure}. */
  public record Call(String subject, Instant issueUpdatedAt, String model, ModelRole role, Instant at,
      Triage triage, String failure) {}

  private final Database db;

  TriageLog(Database db) {
    this.db = db;
  }

  public void answered(Triage t) {
    db.write("journal a triage answer", c -> Database.update(c,
        "INSERT INTO triage(subject, issue_updated_at, model, role, at, ok, area, kind, complexity, summary, confidence)"
            + " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
        t.subject(), t.issueUpdatedAt(), t.model(), t.role(), t.at(), t.area(), t.kind(), t.complexity(), t.summary(),
        t.confidence()));
  }

  public void failed(String subject, Instant issueUpdatedAt, String model, ModelRole role, Instant at, String failure) {
    db.write("journal a failed triage call", c -> Database.update(c,
        "INSERT INTO triage(subject, issue_updated_at, model, role, at, ok, failure) VALUES (?, ?, ?, ?, ?, 0, ?)",
        subject, issueUpdatedAt, model, role, at, failure));
  }

  /** Every call journaled, oldest first (read once at start: the runner keeps them in memory). */
  public List<Call> all() {
    return select("");
  }

  private List<Call> select(String where, Object... args) {
    return db.read("read the triage calls", c -> {
      List<Call> out = new ArrayList<>();
      try (PreparedStatement s = Database.prepare(c, "SELECT subject, issue_updated_at, model, role, at, ok, failure,"
          + " area, kind, complexity, summary, confidence FROM triage " + where + " ORDER BY id", args);
          ResultSet r = s.executeQuery()) {
        while (r.next()) out.add(call(r));
      }
      return out;
    });
  }

  /** How many calls were made at or after {@code since}. */
  public int callsSince(Instant since) {
    return db.read("count triage calls", c -> {
      try (PreparedStatement s = Database.prepare(c, "SELECT count(*) FROM triage WHERE at >= ?", since);
          ResultSet r = s.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    });
  }

  private static Call call(ResultSet r) throws java.sql.SQLException {
    String subject = r.getString(1);
    Instant updated = Instant.ofEpochMilli(r.getLong(2));
    String model = r.getString(3);
    ModelRole role = ModelRole.valueOf(r.getString(4));
    Instant at = Instant.ofEpochMilli(r.getLong(5));
    Triage t = r.getInt(6) == 1
        ? new Triage(subject, r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getDouble(12), model, role, at, updated)
        : null;
    return new Call(subject, updated, model, role, at, t, r.getString(7));
  }
}
