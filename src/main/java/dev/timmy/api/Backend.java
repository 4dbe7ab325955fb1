package dev.timmy.api;

import dev.timmy.act.Breakers;
import dev.timmy.config.Secrets;
import dev.timmy.cycle.CycleLoop;
import dev.timmy.decide.RuleBook;
import dev.timmy.journal.Deliveries;
import dev.timmy.journal.JournalReader;
import dev.timmy.act.Mode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the API reads and drives, as the service assembled it.
 *
 * @param source        {@code demo} or {@code gitea}: where snapshots come from
 * @param webhookSignal called for each verified webhook delivery (a debounced cycle trigger)
 * @param events        the dashboard's live feed (a cycle listener of the service)
 * @param cycleWait     how long {@code POST /api/cycles} waits for its cycle before answering 504
 * @param deliveries    the webhook deliveries already accepted, so each is accepted once
 * @param breakers      each target's circuit breaker now
 * @param cycleLimit    how long a cycle may run before health calls it overdue
 * @param clock         the service's clock (the journal's), against which a running cycle is timed
 */
public record Backend(
    JournalReader journal, RuleBook rules, CycleLoop loop, Latest latest, Metrics metrics, Secrets secrets,
    Mode mode, String source, Runnable webhookSignal, Duration cycleWait,
    DashboardEvents events, Deliveries deliveries, Supplier<List<Breakers.Breaker>> breakers, Duration cycleLimit,
    InstantSource clock) {}
