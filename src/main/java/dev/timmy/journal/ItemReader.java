package dev.timmy.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decision items read back from rows kept across cycles: a row spans cycles {@code [cycle_id,
 * until_cycle)} and is an item of each of them that decided; the item reads with the clock of the
 * cycle asked about ({@link DecisionRows#at}).
 */
final class ItemReader {
  private ItemReader() {}

  /**
   * Decision items matching the filter, newest cycle first, in written order within a cycle. A
   * row kept over many cycles counts once per cycle; the cycles are read in windows that double,
   * so a recent answer reads few rows and a rare one few queries; a row that reads the same in
   * several cycles is parsed once.
   */
  static List<DecisionRecord> decisions(Connection c, DecisionFilter f) throws SQLException {
    StringBuilder where = new StringBuilder();
    List<Object> args = new ArrayList<>();
    if (f.subject() != null) {
      where.append(" AND i.subject = ?");
      args.add(f.subject());
    }
    if (f.ruleId() != null) {
      where.append(" AND i.id IN (SELECT item_id FROM item_rules WHERE rule_id = ?)");
      args.add(f.ruleId());
    }
    if (f.kind() != null) {
      where.append(" AND i.kind = ?");
      args.add(f.kind());
    }
    List<Decided> decided = JournalReader.list(c, "SELECT id, started, clock FROM cycles WHERE items IS NOT NULL"
        + " AND started >= ? ORDER BY id DESC", ItemReader::decided,
        f.since() == null ? Long.MIN_VALUE : f.since().toEpochMilli());
    List<DecisionRecord> out = new ArrayList<>();
    Map<String, JsonNode> parsed = new HashMap<>();
    for (int from = 0, size = 16; from < decided.size() && out.size() < f.limit(); from += size, size *= 2) {
      List<Decided> window = decided.subList(from, Math.min(decided.size(), from + size));
      List<Span> rows = spans(c, where.toString(), args, window.get(0).id(), window.get(window.size() - 1).id());
      for (Decided y : window) {
        for (Span r : rows) {
          if (r.from() <= y.id() && y.id() < r.until() && out.size() < f.limit()) out.add(r.at(y, parsed));
        }
      }
    }
    return out;
  }

  /** The rows matching {@code where} that reach into the cycles {@code [low, high]}, in written order. */
  private static List<Span> spans(Connection c, String where, List<Object> args, long high, long low) throws SQLException {
    List<Object> all = new ArrayList<>(args);
    all.addAll(List.of(high, low));
    return JournalReader.list(c, "SELECT i.cycle_id, i.until_cycle, i.kind, i.subject, i.rule_id, i.body, i.clock"
        + " FROM items i WHERE 1 = 1" + where + " AND i.cycle_id <= ? AND i.until_cycle > ? ORDER BY i.sort_key, i.id",
        ItemReader::span, all.toArray());
  }

  private static Decided decided(ResultSet r) throws SQLException {
    return new Decided(r.getLong(1), JournalReader.instant(r, 2), JournalReader.instant(r, 3));
  }

  /** The items of one decided cycle (none for one that did not decide), in written order. */
  static List<DecisionRecord> itemsOf(Connection c, long cycle, String where, List<Object> args) throws SQLException {
    Optional<Decided> decided = JournalReader.first(c, "SELECT id, started, clock FROM cycles WHERE id = ?"
        + " AND items IS NOT NULL", ItemReader::decided, cycle);
    if (decided.isEmpty()) return List.of();
    List<DecisionRecord> out = new ArrayList<>();
    Map<String, JsonNode> parsed = new HashMap<>();
    for (Span r : spans(c, where, args, cycle, cycle)) out.add(r.at(decided.get(), parsed));
    return out;
  }

  /**
   * The items of {@code subject} in each of the cycles {@code ids} that decided, in written order:
   * one read of the cycles and one of the subject's rows reaching into them. A row that reads the
   * same in several cycles (no clock of its own, or the same clock) is parsed once, its JSON shared.
   */
  static Map<Long, List<DecisionRecord>> ofSubject(Connection c, String subject, Collection<Long> ids) throws SQLException {
    Map<Long, List<DecisionRecord>> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    long low = Collections.min(ids);
    long high = Collections.max(ids);
    Set<Long> wanted = new HashSet<>(ids);
    List<Decided> decided = JournalReader.list(c, "SELECT id, started, clock FROM cycles WHERE items IS NOT NULL"
        + " AND id BETWEEN ? AND ? ORDER BY id DESC", ItemReader::decided, low, high).stream()
        .filter(y -> wanted.contains(y.id())).toList();
    if (decided.isEmpty()) return out;
    List<Span> rows = spans(c, " AND i.subject = ?", List.of(subject), high, low);
    Map<String, JsonNode> parsed = new HashMap<>();
    for (Decided y : decided) {
      List<DecisionRecord> of = new ArrayList<>();
      for (Span r : rows) if (r.from() <= y.id() && y.id() < r.until()) of.add(r.at(y, parsed));
      out.put(y.id(), of);
    }
    return out;
  }

  /** A cycle that decided: when it started and the clock its decision was made at. */
  private record Decided(long id, Instant started, Instant clock) {}

  /** A row as stored: the cycles it spans, {@code [from, until)}, its item and the clock the item was written at. */
  private record Span(long from, long until, ItemKind kind, String subject, String ruleId, String body, Instant clock) {
    /** {@code parsed}: the bodies read so far, by their text, so that a body read in several cycles is parsed once. */
    DecisionRecord at(Decided cycle, Map<String, JsonNode> parsed) throws SQLException {
      String read = DecisionRows.at(body, clock, cycle.clock());
      JsonNode item = parsed.get(read);
      if (item == null) {
        try {
          item = Json.mapper().readTree(read);
        } catch (JsonProcessingException e) {
          throw new SQLException("decision item is not JSON: " + e.getOriginalMessage(), e);
        }
        parsed.put(read, item);
      }
      return new DecisionRecord(cycle.id(), cycle.started(), kind, subject, ruleId, item);
    }
  }

  private static Span span(ResultSet r) throws SQLException {
    return new Span(r.getLong(1), r.getLong(2), ItemKind.valueOf(r.getString(3)), r.getString(4), r.getString(5),
        r.getString(6), JournalReader.instant(r, 7));
  }
}
