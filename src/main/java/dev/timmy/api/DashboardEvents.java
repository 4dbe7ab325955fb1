package dev.timmy.api;

import dev.timmy.Bugs;
import dev.timmy.cycle.CycleListener;
import dev.timmy.cycle.CycleOutcome;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events for the dashboard ({@code GET /api/events}): {@code cycle} when a cycle has
 * been journaled (as a {@link CycleListener}), {@code status} when the rule errors, the loop's
 * error or the write-failure streak change between cycles (a reload through the API, a breaker),
 * and a comment every few seconds so dead connections are noticed. Events carry ids and counts
 * only: the page refetches what they announce, so nothing from Gitea travels here.
 */
public final class DashboardEvents implements CycleListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardEvents.class);

  private final List<SseClient> clients = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "dashboard-events");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean ticking = new AtomicBoolean();
  private volatile Supplier<Object> status = () -> null;
  private volatile long periodMillis = 2_000;
  private volatile String lastFailure;
  private volatile Object lastStatus;

  /**
   * Checks {@code status} every {@code periodMillis} while pages are connected, announcing each
   * change, and pings them. Nothing runs before the first page connects.
   */
  public void watch(Supplier<Object> status, long periodMillis) {
    this.status = status;
    this.periodMillis = periodMillis;
  }

  /** A new page: kept open until it goes away. */
  void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    client.sendEvent("hello", Map.of("clients", clients.size()));
    if (ticking.compareAndSet(false, true)) {
      lastStatus = status.get();
      ticker.scheduleWithFixedDelay(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void tick() {
    if (clients.isEmpty()) return;
    try {
      Object now = status.get();
      if (!Objects.equals(now, lastStatus)) {
        lastStatus = now;
        send("status", now);
      } else {
        for (SseClient c : clients) c.sendComment("ping");
      }
    } catch (RuntimeException e) {
      // Every tick meets the same failure: a bug's stack is logged the first time it is met, once.
      String seen = e.toString();
      if (Bugs.ofTheWorld(e) || seen.equals(lastFailure)) LOG.warn("dashboard status check failed: {}", seen);
      else Bugs.contain(LOG, "the dashboard's status check", e);
      lastFailure = seen;
    }
  }

  int clients() {
    return clients.size();
  }

  @Override
  public void finished(CycleOutcome o) {
    send("cycle", Map.of("id", o.row().id(), "status", o.row().status().name()));
  }

  private void send(String event, Object data) {
    for (SseClient c : clients) {
      if (c.terminated()) clients.remove(c);
      else c.sendEvent(event, data);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    for (SseClient c : clients) c.close();
    clients.clear();
  }
}
