package dev.timmy.api;

import dev.timmy.cycle.CycleListener;
import dev.timmy.cycle.CycleOutcome;
import dev.timmy.decide.ProposalItem;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-process counters for {@code GET /metrics}, fed by every cycle. Counted here rather than from
 * the journal, which prunes old cycles: a Prometheus counter must never go down. Rendered in the
 * Prometheus text format 0.0.4. Counters start at zero with the process, as Prometheus expects.
 */
public final class Metrics implements CycleListener {
  /** Upper bounds of the cycle-duration histogram, in seconds. */
  static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

  /** What is read at scrape time rather than counted. */
  public record Gauges(String rulesRevision, int ruleErrors, String mode, boolean loopRunning, Boolean snapshotComplete) {}

  private final Map<CycleStatus, Long> cycles = new EnumMap<>(CycleStatus.class);
  private final long[] bucketCounts = new long[BUCKETS.length];
  private double durationSum;
  private long durationCount;
  private long firings;
  private long proposals;
  private long vetoed;
  private long escalations;
  private final Map<String, Long> actions = new TreeMap<>();
  private final Map<String, Long> webhooks = new TreeMap<>();
  private Instant lastCycleEnd;
  private Instant lastGoodCycleEnd;

  @Override
  public synchronized void finished(CycleOutcome o) {
    CycleRow row = o.row();
    cycles.merge(row.status(), 1L, Long::sum);
    double seconds = o.took().toNanos() / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]) bucketCounts[i]++;
    durationSum += seconds;
    durationCount++;
    if (o.decision() != null) {
      firings += o.decision().firings();
      proposals += o.decision().proposals().size();
      vetoed += o.decision().proposals().stream().filter(ProposalItem::vetoed).count();
      escalations += o.decision().escalations().size();
    }
    for (ActionRow a : o.actions()) actions.merge(labels("kind", a.kind().name(), "status", a.status().name()), 1L, Long::sum);
    Instant end = row.ended() != null ? row.ended() : Instant.now();
    lastCycleEnd = end;
    if (row.status() == CycleStatus.OK) lastGoodCycleEnd = end;
  }

  /** A webhook delivery, {@code accepted} or rejected. */
  public synchronized void webhook(boolean accepted) {
    webhooks.merge(labels("result", accepted ? "accepted" : "rejected"), 1L, Long::sum);
  }

  public synchronized String render(Gauges g) {
    StringBuilder out = new StringBuilder();
    head(out, "timmy_cycles_total", "counter", "Cycles finished since start, by status.");
    for (CycleStatus s : new CycleStatus[] {CycleStatus.OK, CycleStatus.FAILED}) {
      line(out, "timmy_cycles_total", labels("status", s.name().toLowerCase(Locale.ROOT)), cycles.getOrDefault(s, 0L));
    }
    head(out, "timmy_cycle_duration_seconds", "histogram", "Wall time of a cycle, observe to journal.");
    for (int i = 0; i < BUCKETS.length; i++) {
      line(out, "timmy_cycle_duration_seconds_bucket", labels("le", number(BUCKETS[i])), bucketCounts[i]);
    }
    line(out, "timmy_cycle_duration_seconds_bucket", labels("le", "+Inf"), durationCount);
    out.append("timmy_cycle_duration_seconds_sum ").append(number(durationSum)).append('\n');
    line(out, "timmy_cycle_duration_seconds_count", "", durationCount);
    counter(out, "timmy_rule_firings_total", "Rule firings in decided cycles.", firings);
    counter(out, "timmy_proposals_total", "Proposals made by the rules in decided cycles.", proposals);
    counter(out, "timmy_vetoes_total", "Proposals vetoed by the authority rules.", vetoed);
    counter(out, "timmy_escalations_total", "Escalations to the owner.", escalations);
    head(out, "timmy_actions_total", "counter", "Actions journaled, by kind and status (WOULD_DO in dry-run).");
    actions.forEach((labels, n) -> line(out, "timmy_actions_total", labels, n));
    head(out, "timmy_webhooks_total", "counter", "Gitea webhook deliveries, by result.");
    for (String r : new String[] {"accepted", "rejected"}) {
      line(out, "timmy_webhooks_total", labels("result", r), webhooks.getOrDefault(labels("result", r), 0L));
    }
    gauge(out, "timmy_rule_errors", "Errors of the last failed rules reload (the previous rules stay in force).", g.ruleErrors());
    head(out, "timmy_rules_info", "gauge", "The rules revision in force.");
    line(out, "timmy_rules_info", labels("revision", g.rulesRevision(), "mode", g.mode()), 1);
    gauge(out, "timmy_cycle_running", "1 while a cycle runs.", g.loopRunning() ? 1 : 0);
    if (g.snapshotComplete() != null) {
      gauge(out, "timmy_snapshot_complete", "1 when the latest snapshot read every source in full.", g.snapshotComplete() ? 1 : 0);
    }
    if (lastCycleEnd != null) {
      gauge(out, "timmy_last_cycle_timestamp_seconds", "When the latest cycle ended (Unix time).", lastCycleEnd.toEpochMilli() / 1000.0);
    }
    if (lastGoodCycleEnd != null) {
      gauge(out, "timmy_last_good_cycle_timestamp_seconds", "When the latest OK cycle ended (Unix time).",
          lastGoodCycleEnd.toEpochMilli() / 1000.0);
    }
    return out.toString();
  }

  private static void head(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    head(out, name, "counter", help);
    line(out, name, "", value);
  }

  private static void gauge(StringBuilder out, String name, String help, double value) {
    head(out, name, "gauge", help);
    out.append(name).append(' ').append(number(value)).append('\n');
  }

  private static void line(StringBuilder out, String name, String labels, long value) {
    out.append(name).append(labels).append(' ').append(value).append('\n');
  }

  /** {@code {k="v",…}} with values escaped as the text format requires. */
  static String labels(String... pairs) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) b.append(',');
      String v = pairs[i + 1] == null ? "" : pairs[i + 1];
      b.append(pairs[i]).append("=\"").append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    }
    return b.append('}').toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
