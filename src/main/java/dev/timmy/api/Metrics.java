package dev.timmy.api;

import dev.timmy.cycle.CycleListener;
import dev.timmy.cycle.CycleOutcome;
import dev.timmy.decide.ProposalItem;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * In-process counters for {@code GET /metrics}, fed by every cycle, kept in a Prometheus client
 * registry of their own (no global registry: two services in one JVM never share counts) and
 * written in the Prometheus text format 0.0.4 by the client's own writer. Counted here rather
 * than from the journal, which prunes old cycles: a Prometheus counter must never go down.
 */
public final class Metrics implements CycleListener {
  /** The content type of what {@link #render} writes. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
  /** Upper bounds of the cycle-duration histogram, in seconds. */
  static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

  /** What is read at scrape time rather than counted. */
  public record Gauges(String rulesRevision, int ruleErrors, String mode, boolean loopRunning, Boolean snapshotComplete) {}

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter cycles = Counter.builder().name("timmy_cycles_total").help("Cycles finished since start, by status.")
      .labelNames("status").register(registry);
  private final Histogram duration = Histogram.builder().name("timmy_cycle_duration_seconds")
      .help("Wall time of a cycle, observe to journal.").classicOnly().classicUpperBounds(BUCKETS).register(registry);
  private final Counter firings = counter("timmy_rule_firings_total", "Rule firings in decided cycles.");
  private final Counter proposals = counter("timmy_proposals_total", "Proposals made by the rules in decided cycles.");
  private final Counter vetoed = counter("timmy_vetoes_total", "Proposals vetoed by the authority rules.");
  private final Counter escalations = counter("timmy_escalations_total", "Escalations to the owner.");
  private final Counter actions = Counter.builder().name("timmy_actions_total")
      .help("Actions journaled, by kind and status (WOULD_DO in dry-run).").labelNames("kind", "status").register(registry);
  private final Counter webhooks = Counter.builder().name("timmy_webhooks_total").help("Gitea webhook deliveries, by result.")
      .labelNames("result").register(registry);
  private final Gauge ruleErrors = gauge("timmy_rule_errors", "Errors of the last failed rules reload (the previous rules stay in force).");
  private final Gauge rulesInfo = Gauge.builder().name("timmy_rules_info").help("The rules revision in force.")
      .labelNames("revision", "mode").register(registry);
  private final Gauge running = gauge("timmy_cycle_running", "1 while a cycle runs.");
  // Absent until known: a timestamp of 0 or a "complete" of 0 before the first cycle would be a lie.
  private volatile Double snapshotComplete;
  private volatile Double lastCycleEnd;
  private volatile Double lastGoodCycleEnd;

  {
    whenKnown("timmy_snapshot_complete", "1 when the latest snapshot read every source in full.", () -> snapshotComplete);
    whenKnown("timmy_last_cycle_timestamp_seconds", "When the latest cycle ended (Unix time).", () -> lastCycleEnd);
    whenKnown("timmy_last_good_cycle_timestamp_seconds", "When the latest OK cycle ended (Unix time).", () -> lastGoodCycleEnd);
  }

  public Metrics() {
    // Both statuses and both webhook results exist from the start, at zero, so rates work at once.
    for (CycleStatus s : new CycleStatus[] {CycleStatus.OK, CycleStatus.FAILED}) cycles.labelValues(status(s));
    webhooks.labelValues("accepted");
    webhooks.labelValues("rejected");
  }

  @Override
  public synchronized void finished(CycleOutcome o) {
    CycleRow row = o.row();
    cycles.labelValues(status(row.status())).inc();
    duration.observe(o.took().toNanos() / 1e9);
    if (o.decision() != null) {
      firings.inc(o.decision().firings());
      proposals.inc(o.decision().proposals().size());
      vetoed.inc(o.decision().proposals().stream().filter(ProposalItem::vetoed).count());
      escalations.inc(o.decision().escalations().size());
    }
    for (ActionRow a : o.actions()) actions.labelValues(a.kind().name(), a.status().name()).inc();
    Instant end = row.ended() != null ? row.ended() : row.started();
    if (end == null) return;
    lastCycleEnd = end.toEpochMilli() / 1000.0;
    if (row.status() == CycleStatus.OK) lastGoodCycleEnd = lastCycleEnd;
  }

  /** A webhook delivery, {@code accepted} or rejected. */
  public void webhook(boolean accepted) {
    webhooks.labelValues(accepted ? "accepted" : "rejected").inc();
  }

  /** Everything counted so far plus the scrape-time gauges, in the text format. */
  public synchronized String render(Gauges g) {
    ruleErrors.set(g.ruleErrors());
    rulesInfo.clear();
    rulesInfo.labelValues(g.rulesRevision(), g.mode()).set(1);
    running.set(g.loopRunning() ? 1 : 0);
    snapshotComplete = g.snapshotComplete() == null ? null : g.snapshotComplete() ? 1.0 : 0.0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private Counter counter(String name, String help) {
    return Counter.builder().name(name).help(help).register(registry);
  }

  private Gauge gauge(String name, String help) {
    return Gauge.builder().name(name).help(help).register(registry);
  }

  private void whenKnown(String name, String help, Supplier<Double> value) {
    GaugeWithCallback.builder().name(name).help(help).callback(cb -> {
      Double v = value.get();
      if (v != null) cb.call(v);
    }).register(registry);
  }

  private static String status(CycleStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
