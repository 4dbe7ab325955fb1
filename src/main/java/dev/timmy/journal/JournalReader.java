package dev.timmy.journal;

import dev.timmy.act.ActionCode;
import dev.timmy.act.Mode;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The questions the API, the CLI and the authority ask the journal. Safe from any thread. */
public final class JournalReader {
  private static final String CYCLE_COLUMNS = "id, started, ended, status, trigger, mode, error, rules_revision,"
      + " snapshot_digest, snapshot_taken_at, complete, counts";
  private static final String ACTION_COLUMNS = "id, cycle_id, key, kind, subject, mode, status, code, outcome,"
      + " intended_at, finished_at";

  private final Database db;

  JournalReader(Database db) {
    this.db = db;
  }

  /** Up to {@code limit} cycles newest first, older than {@code before} when it is not null. */
  public CyclePage cycles(int limit, Long before) {
    int n = Math.max(1, Math.min(limit, 1_000));
    return db.read("list cycles", c -> {
      List<CycleRow> rows = list(c, "SELECT " + CYCLE_COLUMNS + " FROM cycles WHERE id < ? ORDER BY id DESC LIMIT ?",
          JournalReader::cycle, before == null ? Long.MAX_VALUE : before, n + 1);
      long total = scalar(c, "SELECT count(*) FROM cycles");
      Long next = rows.size() > n ? rows.get(n - 1).id() : null;
      return new CyclePage(rows.subList(0, Math.min(n, rows.size())), total, next);
    });
  }

  /** One cycle with its decision items and actions, in the order they were written. */
  public Optional<CycleDetail> cycle(long id) {
    return db.read("read cycle " + id, c -> {
      Optional<CycleRow> row = first(c, "SELECT " + CYCLE_COLUMNS + " FROM cycles WHERE id = ?", JournalReader::cycle, id);
      if (row.isEmpty()) return Optional.empty();
      List<DecisionRecord> items = list(c, "SELECT i.cycle_id, y.started, i.kind, i.subject, i.rule_id, i.body"
          + " FROM items i JOIN cycles y ON y.id = i.cycle_id WHERE i.cycle_id = ? ORDER BY i.id", JournalReader::item, id);
      return Optional.of(new CycleDetail(row.get(), items, actions(c, "cycle_id = ?", id)));
    });
  }

  public Optional<CycleRow> lastCycle() {
    return db.read("read the last cycle", c -> first(c,
        "SELECT " + CYCLE_COLUMNS + " FROM cycles ORDER BY id DESC LIMIT 1", JournalReader::cycle));
  }

  /** The last cycle that ended OK. */
  public Optional<CycleRow> lastGoodCycle() {
    return db.read("read the last good cycle", c -> first(c,
        "SELECT " + CYCLE_COLUMNS + " FROM cycles WHERE status = ? ORDER BY id DESC LIMIT 1", JournalReader::cycle,
        CycleStatus.OK));
  }

  /** Decision items matching the filter, newest cycle first, in written order within a cycle. */
  public List<DecisionRecord> decisions(DecisionFilter f) {
    StringBuilder sql = new StringBuilder("SELECT i.cycle_id, y.started, i.kind, i.subject, i.rule_id, i.body"
        + " FROM items i JOIN cycles y ON y.id = i.cycle_id WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (f.subject() != null) {
      sql.append(" AND i.subject = ?");
      args.add(f.subject());
    }
    if (f.ruleId() != null) {
      sql.append(" AND i.id IN (SELECT item_id FROM item_rules WHERE rule_id = ?)");
      args.add(f.ruleId());
    }
    if (f.kind() != null) {
      sql.append(" AND i.kind = ?");
      args.add(f.kind());
    }
    if (f.since() != null) {
      sql.append(" AND y.started >= ?");
      args.add(f.since());
    }
    sql.append(" ORDER BY i.cycle_id DESC, i.id LIMIT ?");
    args.add(f.limit());
    return db.read("list decisions", c -> list(c, sql.toString(), JournalReader::item, args.toArray()));
  }

  /** The subject in the last {@code lastCycles} cycles that mention it, newest first. */
  public SubjectHistory history(String subject, int lastCycles) {
    return db.read("read the history of " + subject, c -> {
      List<Long> ids = list(c, "SELECT cycle_id FROM items WHERE subject = ? UNION SELECT cycle_id FROM actions"
          + " WHERE subject = ? ORDER BY cycle_id DESC LIMIT ?", r -> r.getLong(1), subject, subject, Math.max(1, lastCycles));
      List<SubjectHistory.Entry> entries = new ArrayList<>();
      for (long id : ids) {
        CycleRow row = first(c, "SELECT " + CYCLE_COLUMNS + " FROM cycles WHERE id = ?", JournalReader::cycle, id).orElseThrow();
        List<DecisionRecord> items = list(c, "SELECT i.cycle_id, y.started, i.kind, i.subject, i.rule_id, i.body FROM items i"
            + " JOIN cycles y ON y.id = i.cycle_id WHERE i.cycle_id = ? AND i.subject = ? ORDER BY i.id", JournalReader::item,
            id, subject);
        entries.add(new SubjectHistory.Entry(row,
            of(items, ItemKind.PRIORITY, PriorityItem.class).stream().findFirst().orElse(null),
            of(items, ItemKind.ROUTE, RouteItem.class), of(items, ItemKind.CHECK, CheckItem.class),
            of(items, ItemKind.ESCALATION, EscalationItem.class), of(items, ItemKind.PROPOSAL, ProposalItem.class),
            actions(c, "cycle_id = ? AND subject = ?", id, subject)));
      }
      return new SubjectHistory(subject, entries);
    });
  }

  /** Totals for metrics. */
  public JournalCounts counts() {
    return db.read("count", c -> {
      Map<CycleStatus, Long> cycles = new EnumMap<>(CycleStatus.class);
      for (CycleStatus s : CycleStatus.values()) cycles.put(s, 0L);
      for (String[] g : list(c, "SELECT status, count(*) FROM cycles GROUP BY status", JournalReader::pair)) {
        cycles.put(CycleStatus.valueOf(g[0]), Long.parseLong(g[1]));
      }
      Map<ActionStatus, Long> actions = new EnumMap<>(ActionStatus.class);
      for (ActionStatus s : ActionStatus.values()) actions.put(s, 0L);
      for (String[] g : list(c, "SELECT status, count(*) FROM actions GROUP BY status", JournalReader::pair)) {
        actions.put(ActionStatus.valueOf(g[0]), Long.parseLong(g[1]));
      }
      Map<String, Long> refusals = new TreeMap<>();
      for (String[] g : list(c, "SELECT coalesce(code, ''), count(*) FROM actions WHERE status = ? GROUP BY code",
          JournalReader::pair, ActionStatus.REFUSED)) {
        // Older journals spell a code in kebab-case: counted with its snake_case name.
        refusals.merge(g[0].isEmpty() ? "" : ActionCode.read(g[0]).wire(), Long.parseLong(g[1]), Long::sum);
      }
      return new JournalCounts(cycles, actions, refusals, scalar(c, "SELECT count(*) FROM items"));
    });
  }

  /**
   * Distinct action keys of {@code kinds} on {@code subject} with one of {@code statuses} since
   * {@code since}: the comment budget counts these (a repeated key is one comment, not several).
   */
  public Set<String> keysSince(String subject, Set<ActionKind> kinds, Set<ActionStatus> statuses, Instant since) {
    if (kinds.isEmpty() || statuses.isEmpty()) return Set.of();
    String sql = "SELECT DISTINCT key FROM actions WHERE subject = ? AND intended_at >= ? AND kind IN ("
        + marks(kinds.size()) + ") AND status IN (" + marks(statuses.size()) + ")";
    List<Object> args = new ArrayList<>(List.of(subject, since));
    args.addAll(kinds);
    args.addAll(statuses);
    return db.read("count actions on " + subject, c -> new HashSet<>(list(c, sql, r -> r.getString(1), args.toArray())));
  }

  /** The latest DONE action with this key, if any: such a key is never attempted again. */
  public Optional<ActionRow> lastDone(String key) {
    return db.read("look up " + key, c -> actions(c, "key = ? AND status = ? ORDER BY id DESC LIMIT 1",
        key, ActionStatus.DONE).stream().findFirst());
  }

  /**
   * Actions of {@code kind} with one of {@code statuses} that finished at or after {@code since},
   * oldest first: what Timmy did lately, e.g. its loop restarts, to seed in-memory ledgers after a restart.
   */
  public List<ActionRow> finishedSince(ActionKind kind, ActionStatus status, Instant since) {
    return finishedSince(kind, EnumSet.of(status), since);
  }

  /** The same for any of {@code statuses}. */
  public List<ActionRow> finishedSince(ActionKind kind, Set<ActionStatus> statuses, Instant since) {
    if (statuses.isEmpty()) return List.of();
    List<Object> args = new ArrayList<>(List.of(kind));
    args.addAll(statuses);
    args.add(since);
    return db.read("list " + statuses + " " + kind + " actions since " + since, c -> actions(c,
        "kind = ? AND status IN (" + marks(statuses.size()) + ") AND finished_at >= ? ORDER BY finished_at, id",
        args.toArray()));
  }

  public boolean everDone(String key) {
    return lastDone(key).isPresent();
  }

  /** Live failures since the last live success, counting at most {@code atMost} of them. */
  public FailureStreak failureStreak(int atMost) {
    return failureStreak(EnumSet.allOf(ActionKind.class), atMost);
  }

  /**
   * Live failures of actions of {@code kinds} since the last live success of one of them, counting
   * at most {@code atMost}: one target's streak, which its own circuit breaker reads.
   */
  public FailureStreak failureStreak(Set<ActionKind> kinds, int atMost) {
    if (kinds.isEmpty()) return FailureStreak.none();
    List<Object> args = new ArrayList<>(List.of(Mode.LIVE, ActionStatus.DONE, ActionStatus.FAILED));
    args.addAll(kinds);
    args.add(Math.max(1, atMost));
    return db.read("read the write failure streak", c -> {
      List<ActionRow> recent = actions(c, "mode = ? AND status IN (?, ?) AND kind IN (" + marks(kinds.size())
          + ") ORDER BY id DESC LIMIT ?", args.toArray());
      int failures = 0;
      while (failures < recent.size() && recent.get(failures).status() == ActionStatus.FAILED) failures++;
      return failures == 0 ? FailureStreak.none() : new FailureStreak(failures, recent.get(0).finishedAt());
    });
  }

  /** How many times an action with this key was carried out live (DONE), within the retention. */
  public int timesDone(String key) {
    return db.read("count " + key, c -> first(c, "SELECT count(*) FROM actions WHERE key = ? AND status = ?",
        r -> r.getInt(1), key, ActionStatus.DONE).orElse(0));
  }

  public List<ActionRow> actions(long cycleId) {
    return db.read("list the actions of cycle " + cycleId, c -> actions(c, "cycle_id = ? ORDER BY id", cycleId));
  }

  ActionRow action(long id) {
    return db.read("read action " + id, c -> actions(c, "id = ?", id).get(0));
  }

  List<PendingAction> pending() {
    return db.read("list intended actions", c -> list(c,
        "SELECT id, cycle_id, proposal, intended_at FROM actions WHERE status = ? ORDER BY id",
        r -> new PendingAction(r.getLong(1), r.getLong(2), parse(r.getString(3), ProposalItem.class), instant(r, 4)),
        ActionStatus.INTENDED));
  }

  private static List<ActionRow> actions(Connection c, String where, Object... args) throws SQLException {
    String order = where.contains("ORDER BY") ? "" : " ORDER BY id";
    return list(c, "SELECT " + ACTION_COLUMNS + " FROM actions WHERE " + where + order, JournalReader::action, args);
  }

  private static <T> List<T> of(List<DecisionRecord> items, ItemKind kind, Class<T> type) {
    return items.stream().filter(i -> i.kind() == kind).map(i -> i.as(type)).toList();
  }

  interface Row<T> {
    T map(ResultSet r) throws SQLException;
  }

  private static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement s = Database.prepare(c, sql, args); ResultSet r = s.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (r.next()) out.add(row.map(r));
      return out;
    }
  }

  static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    return list(c, sql, row, args).stream().findFirst();
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    return first(c, sql, r -> r.getLong(1)).orElse(0L);
  }

  private static CycleRow cycle(ResultSet r) throws SQLException {
    Object complete = r.getObject(11);
    String counts = r.getString(12);
    return new CycleRow(r.getLong(1), instant(r, 2), instant(r, 3), CycleStatus.valueOf(r.getString(4)), r.getString(5),
        Mode.valueOf(r.getString(6)), r.getString(7), r.getString(8), r.getString(9), instant(r, 10),
        complete == null ? null : ((Number) complete).intValue() != 0,
        counts == null ? null : parse(counts, CycleCounts.class));
  }

  private static DecisionRecord item(ResultSet r) throws SQLException {
    try {
      return new DecisionRecord(r.getLong(1), instant(r, 2), ItemKind.valueOf(r.getString(3)), r.getString(4),
          r.getString(5), Json.mapper().readTree(r.getString(6)));
    } catch (JsonProcessingException e) {
      throw new SQLException("decision item is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ActionRow action(ResultSet r) throws SQLException {
    return new ActionRow(r.getLong(1), r.getLong(2), r.getString(3), ActionKind.valueOf(r.getString(4)), r.getString(5),
        Mode.valueOf(r.getString(6)), ActionStatus.valueOf(r.getString(7)), ActionCode.read(r.getString(8)), r.getString(9),
        instant(r, 10), instant(r, 11));
  }

  private static String[] pair(ResultSet r) throws SQLException {
    return new String[] {r.getString(1), r.getString(2)};
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    long millis = r.getLong(column);
    return r.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static <T> T parse(String json, Class<T> type) throws SQLException {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored JSON is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String marks(int n) {
    return java.util.Collections.nCopies(n, "?").stream().collect(Collectors.joining(", "));
  }
}
