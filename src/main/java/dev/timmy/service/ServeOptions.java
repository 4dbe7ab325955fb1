package dev.timmy.service;

import dev.timmy.act.Target;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * How to serve beyond what timmy.yml says: the command line's {@code --port} and {@code --live},
 * and the few knobs tests turn.
 *
 * @param port            overrides {@code service.port}; 0 picks a free port; null keeps the config's
 * @param live            {@code --live}: act for real (the config's {@code service.live} also does)
 * @param clock           the journal's and the authority's clock (tests advance it for retention)
 * @param webhookQuiet    a webhook burst triggers its cycle once deliveries have been quiet this long
 * @param webhookMaxDelay … and at the latest this long after the first delivery of the burst
 * @param cycleWait       how long {@code POST /api/cycles} waits for its cycle
 * @param targets         replaces the targets the config implies (tests); null for the usual ones
 */
public record ServeOptions(
    Integer port, boolean live, InstantSource clock, Duration webhookQuiet, Duration webhookMaxDelay,
    Duration cycleWait, List<Target> targets) {

  public static ServeOptions defaults() {
    return new ServeOptions(null, false, InstantSource.system(), Duration.ofSeconds(2), Duration.ofSeconds(15),
        Duration.ofMinutes(5), null);
  }

  public ServeOptions port(Integer p) {
    return new ServeOptions(p, live, clock, webhookQuiet, webhookMaxDelay, cycleWait, targets);
  }

  public ServeOptions live(boolean l) {
    return new ServeOptions(port, l, clock, webhookQuiet, webhookMaxDelay, cycleWait, targets);
  }

  public ServeOptions clock(InstantSource c) {
    return new ServeOptions(port, live, c, webhookQuiet, webhookMaxDelay, cycleWait, targets);
  }

  public ServeOptions webhookDebounce(Duration quiet, Duration maxDelay) {
    return new ServeOptions(port, live, clock, quiet, maxDelay, cycleWait, targets);
  }

  public ServeOptions targets(List<Target> t) {
    return new ServeOptions(port, live, clock, webhookQuiet, webhookMaxDelay, cycleWait, t == null ? null : List.copyOf(t));
  }
}
