package dev.timmy.journal;

import dev.timmy.act.ActionCode;
import dev.timmy.act.Mode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.facts.Snapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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

  /** One cycle's row alone (no items, no actions). */
  public Optional<CycleRow> cycleRow(long id) {
    return db.read("read cycle " + id, c -> first(c, "SELECT " + CYCLE_COLUMNS + " FROM cycles WHERE id = ?",
        JournalReader::cycle, id));
  }

  /** One cycle with its decision items and actions, in the order they were written. */
  public Optional<CycleDetail> cycle(long id) {
    return db.read("read cycle " + id, c -> {
      Optional<CycleRow> row = first(c, "SELECT " + CYCLE_COLUMNS + " FROM cycles WHERE id = ?", JournalReader::cycle, id);
      if (row.isEmpty()) return Optional.empty();
      List<DecisionRecord> items = ItemReader.itemsOf(c, row.get().id(), "", List.of());
      return Optional.of(new CycleDetail(row.get(), items, actions(c, "cycle_id = ?", id)));
    });
  }

  /**
   * The snapshot cycle {@code id} decided on, as stored (checked against its digest); empty when
   * the cycle is unknown or kept only its digest (journaled before schema 5, or not observed).
   */
  public Optional<Snapshot> snapshot(long id) {
    return db.read("read the snapshot of cycle " + id, c -> {
      Optional<String> digest = first(c, "SELECT snapshot_digest FROM cycles WHERE id = ? AND snapshot_digest IS NOT NULL",
          r -> r.getString(1), id);
      return digest.isEmpty() ? Optional.<Snapshot>empty() : SnapshotStore.read(c, digest.get());
    });
  }

  /** The bytes the journal holds: its stored snapshots and decision rows (for the benchmark and metrics). */
  public JournalBytes bytes() {
    return db.read("measure the journal", c -> new JournalBytes(
        scalar(c, "SELECT coalesce(sum(length(data)), 0) FROM snapshots"),
        scalar(c, "SELECT count(*) FROM snapshots"),
        scalar(c, "SELECT coalesce(sum(length(body) + length(subject) + length(rule_id) + coalesce(length(sort_key), 0)"
            + " + coalesce(length(digest), 0)), 0) FROM items"),
        scalar(c, "SELECT count(*) FROM items")));
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

  /**
   * Decision items matching the filter, newest cycle first, in written order within a cycle (a
   * row kept over many cycles is an item of each).
   */
  public List<DecisionRecord> decisions(DecisionFilter f) {
    return db.read("list decisions", c -> ItemReader.decisions(c, f));
  }

  /**
   * The subject in the last {@code lastCycles} cycles that mention it, newest first, in spans of
   * cycles in which it stood the same (see {@link SubjectHistory}). Read in five
   * queries whatever the number of cycles (which cycles, their rows, the subject's rows over them,
   * their actions): a row kept over several of them is parsed and converted once.
   */
  public SubjectHistory history(String subject, int lastCycles) {
    int n = Math.max(1, lastCycles);
    return db.read("read the history of " + subject, c -> {
      java.util.TreeSet<Long> mentioned = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
      mentioned.addAll(list(c, "SELECT DISTINCT cycle_id FROM actions WHERE subject = ? ORDER BY cycle_id DESC LIMIT ?",
          r -> r.getLong(1), subject, n));
      mentioned.addAll(list(c, "SELECT DISTINCT y.id FROM items i JOIN cycles y ON y.id >= i.cycle_id AND y.id < i.until_cycle"
          + " WHERE i.subject = ? AND y.items IS NOT NULL ORDER BY y.id DESC LIMIT ?", r -> r.getLong(1), subject, n));
      List<Long> ids = mentioned.stream().limit(n).toList();
      if (ids.isEmpty()) return new SubjectHistory(subject, List.of());
      String in = " IN (" + marks(ids.size()) + ")";
      Map<Long, CycleRow> rows = new HashMap<>();
      for (CycleRow row : list(c, "SELECT " + CYCLE_COLUMNS + " FROM cycles WHERE id" + in, JournalReader::cycle, ids.toArray())) {
        rows.put(row.id(), row);
      }
      Map<Long, List<DecisionRecord>> items = ItemReader.ofSubject(c, subject, ids);
      List<Object> args = new ArrayList<>(ids);
      args.add(subject);
      Map<Long, List<ActionRow>> actions = new HashMap<>();
      for (ActionRow a : actions(c, "cycle_id" + in + " AND subject = ?", args.toArray())) {
        actions.computeIfAbsent(a.cycleId(), k -> new ArrayList<>()).add(a);
      }
      Map<JsonNode, Object> typed = new IdentityHashMap<>();
      List<SubjectHistory.InCycle> seen = new ArrayList<>();
      for (long id : ids) {
        CycleRow row = rows.get(id);
        if (row == null) continue; // pruned between the reads
        List<DecisionRecord> of = items.getOrDefault(id, List.of());
        seen.add(new SubjectHistory.InCycle(row, new SubjectHistory.Stood(
            of(of, ItemKind.PRIORITY, PriorityItem.class, typed).stream().findFirst().orElse(null),
            of(of, ItemKind.ROUTE, RouteItem.class, typed), of(of, ItemKind.CHECK, CheckItem.class, typed),
            of(of, ItemKind.ESCALATION, EscalationItem.class, typed), of(of, ItemKind.PROPOSAL, ProposalItem.class, typed)),
            actions.getOrDefault(id, List.of())));
      }
      return new SubjectHistory(subject, SubjectHistory.spans(seen));
    });
  }

  /** {@link #of(List, ItemKind, Class)}, each item converted once however many cycles share it ({@code typed}, by identity). */
  private static <T> List<T> of(List<DecisionRecord> items, ItemKind kind, Class<T> type, Map<JsonNode, Object> typed) {
    return items.stream().filter(i -> i.kind() == kind).map(i -> type.cast(typed.computeIfAbsent(i.item(), x -> i.as(type))))
        .toList();
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
      return new JournalCounts(cycles, actions, refusals, scalar(c, "SELECT coalesce(sum(items), 0) FROM cycles"));
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

  static <T> List<T> of(List<DecisionRecord> items, ItemKind kind, Class<T> type) {
    return items.stream().filter(i -> i.kind() == kind).map(i -> i.as(type)).toList();
  }

  interface Row<T> {
    T map(ResultSet r) throws SQLException;
  }

  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
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

  private static ActionRow action(ResultSet r) throws SQLException {
    return new ActionRow(r.getLong(1), r.getLong(2), r.getString(3), ActionKind.valueOf(r.getString(4)), r.getString(5),
        Mode.valueOf(r.getString(6)), ActionStatus.valueOf(r.getString(7)), ActionCode.read(r.getString(8)), r.getString(9),
        instant(r, 10), instant(r, 11));
  }

  private static String[] pair(ResultSet r) throws SQLException {
    return new String[] {r.getString(1), r.getString(2)};
  }

  static Instant instant(ResultSet r, int column) throws SQLException {
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
