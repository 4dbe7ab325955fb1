package dev.timmy.journal;

import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.Scored;
import dev.timmy.decide.VetoItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A decision as the journal's rows: each item with the columns it is found by, a sort key that
 * gives back the decision's order, and a digest of all three. Rows are kept from cycle to cycle
 * while their digest is unchanged, so the order cannot be a plain position (one new item would
 * move every later one): the key is the item's subject and its place among that subject's items
 * (a priority's rank; a route's subject rank first, as routes are served in priority order). The
 * keys are checked to sort (as SQLite compares text: UTF-8 bytes) in the decision's order; a kind
 * whose keys do not falls back to positions for that cycle, always right, merely larger.
 */
final class DecisionRows {
  private static final char SEP = '\u0001';

  /**
   * One item as a row. {@code digest} identifies kind, key and body together, the body read with
   * its clock fact as a placeholder: an item that differs only in the clock it matched is the
   * same row a tick later ({@link #at} gives it the clock of the cycle read).
   */
  record Row(ItemKind kind, String subject, String ruleId, List<String> rules, String sortKey, Object item,
      String json, RowDigest digest, ProposalItem proposal) {
    /**
     * The item's JSON: the one its digest was built from, or, for an item known from the last cycle
     * (null {@code json}), built now, for a row that is written (a kept row needs its digest alone).
     */
    String body() {
      return json != null ? json : Journal.json(item);
    }

    /** The row as the next cycle knows it: its JSON is not kept (a kept row needs its digest alone). */
    Row known() {
      return json == null ? this : new Row(kind, subject, ruleId, rules, sortKey, item, null, digest, proposal);
    }
  }

  /**
   * The last written decision's rows by sort key. A live session hands the same item object back
   * while the fact behind it lives ({@code Provenance}), and Java rebuilds some kinds each cycle
   * as equal records (routes): an item at the same sort key that is the one seen there last cycle,
   * or equal to it, and whose body named no clock, has the same digest. It is neither written as
   * JSON again nor hashed: its row is the last cycle's. An item whose body held its cycle's clock
   * is digested afresh (the clock placeholder is the cycle's).
   */
  static final class Memo {
    /** The rows of the last cycle's items by sort key, without their JSON ({@link Row#known}). */
    private final Map<String, Row> known;
    /** How many of its items were known from the last cycle (for the tests and the benchmark). */
    private int reused;

    private Memo(Map<String, Row> known) {
      this.known = known;
    }

    int reused() {
      return reused;
    }

    static Memo empty() {
      return new Memo(new HashMap<>());
    }

    /** The row of {@code item} at {@code key} last cycle, if it is the same item. */
    private Row of(String key, Object item) {
      Row seen = known.get(key);
      return seen != null && (seen.item() == item || seen.item().equals(item)) ? seen : null;
    }
  }

  /** A body written at clock {@code written} as it read at clock {@code at}. */
  static String at(String body, Instant written, Instant at) {
    if (written == null || at == null || written.equals(at)) return body;
    return body.replace(quoted(written), quoted(at));
  }

  private static String quoted(Instant clock) {
    return '"' + Decision.SnapshotInfo.clockFact(clock) + '"';
  }

  private DecisionRows() {}

  static List<Row> of(Decision d) {
    return of(d, Memo.empty(), Memo.empty());
  }

  /** The rows of {@code d}, reusing what {@code last} knows; what they are is put in {@code next}. */
  static List<Row> of(Decision d, Memo last, Memo next) {
    List<Row> rows = new ArrayList<>();
    String clock = d.snapshot() == null || d.snapshot().takenAt() == null ? null : quoted(d.snapshot().takenAt());
    Map<String, Integer> rank = new HashMap<>();
    for (PriorityItem p : d.priorities()) rank.put(p.subject(), p.rank());
    add(rows, last, next, clock, ItemKind.PRIORITY, d.priorities(), PriorityItem::subject, p -> pad(p.rank()),
        p -> p.parts().stream().map(Scored::ruleId).toList(), p -> p.parts().isEmpty() ? "" : p.parts().get(0).ruleId(),
        p -> null);
    add(rows, last, next, clock, ItemKind.ROUTE, d.routes(), RouteItem::subject,
        r -> pad(rank.getOrDefault(r.subject(), Integer.MAX_VALUE)) + SEP + r.subject(), r -> {
          List<String> rules = new ArrayList<>(List.of(r.ruleId()));
          r.parts().forEach(s -> rules.add(s.ruleId()));
          return rules;
        }, RouteItem::ruleId, r -> null);
    add(rows, last, next, clock, ItemKind.CHECK, d.checks(), CheckItem::subject, CheckItem::subject, k -> List.of(k.ruleId()),
        CheckItem::ruleId, k -> null);
    add(rows, last, next, clock, ItemKind.ESCALATION, d.escalations(), EscalationItem::subject, EscalationItem::subject,
        e -> List.of(e.ruleId()), EscalationItem::ruleId, e -> null);
    add(rows, last, next, clock, ItemKind.PROPOSAL, d.proposals(), ProposalItem::subject, ProposalItem::subject, p -> {
      List<String> rules = new ArrayList<>(List.of(p.ruleId()));
      p.vetoes().stream().map(VetoItem::ruleId).forEach(rules::add);
      return rules;
    }, ProposalItem::ruleId, p -> p);
    return rows;
  }

  private static <T> void add(List<Row> rows, Memo last, Memo next, String clock, ItemKind kind, List<T> items,
      Function<T, String> subject,
      Function<T, String> group, Function<T, List<String>> rules, Function<T, String> ruleId,
      Function<T, ProposalItem> proposal) {
    String prefix = kind.ordinal() + String.valueOf(SEP);
    List<String> keys = new ArrayList<>(items.size());
    String lastGroup = null;
    int within = 0;
    for (T item : items) {
      String g = String.valueOf(group.apply(item));
      within = g.equals(lastGroup) ? within + 1 : 0;
      lastGroup = g;
      keys.add(prefix + g + SEP + pad(within));
    }
    if (!ascending(keys)) {
      keys.clear();
      for (int i = 0; i < items.size(); i++) keys.add(prefix + "#" + pad(i));
    }
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      String key = keys.get(i);
      Row seen = last.of(key, item);
      if (seen != null) {
        rows.add(seen);
        next.known.put(key, seen);
        next.reused++;
        continue;
      }
      String body = Journal.json(item);
      // the clock's words in the digest are a placeholder with a raw NUL, which JSON never writes (it escapes it)
      boolean clocked = clock != null && body.contains(clock);
      RowDigest digest = digest(key, clocked ? body.replace(clock, "\"clock \0\"") : body);
      String rule = ruleId.apply(item);
      Row row = new Row(kind, subject.apply(item), rule == null ? "" : rule, List.copyOf(new LinkedHashSet<>(
          rules.apply(item).stream().filter(r -> r != null && !r.isEmpty()).toList())), key, item, body, digest,
          proposal.apply(item));
      rows.add(row);
      if (!clocked) next.known.put(key, row.known());
    }
  }

  /** Strictly ascending as UTF-8 bytes, the order of SQLite's BINARY collation. */
  private static boolean ascending(List<String> keys) {
    byte[] previous = null;
    for (String k : keys) {
      byte[] b = k.getBytes(StandardCharsets.UTF_8);
      if (previous != null && Arrays.compareUnsigned(previous, b) >= 0) return false;
      previous = b;
    }
    return true;
  }

  private static RowDigest digest(String key, String body) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[k.length + 1 + b.length];
    System.arraycopy(k, 0, all, 0, k.length);
    System.arraycopy(b, 0, all, k.length + 1, b.length);
    return RowDigest.of(SnapshotDigest.sha256(all));
  }

  private static String pad(int n) {
    String s = Integer.toString(n);
    return "0000000000".substring(Math.min(10, s.length())) + s;
  }
}
