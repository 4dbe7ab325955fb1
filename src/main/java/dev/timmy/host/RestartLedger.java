package dev.timmy.host;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The restarts Timmy itself did, per loop, within a window: fed by the loop target after each
 * restart it attempted (a failed restart counts) and read by the loop probe as {@code restartsRecent}. It lives in memory
 * only; after Timmy restarts it is empty unless the service seeds it from the journal's action
 * outcomes with {@link #record}. One instance is shared by the probe and the target.
 */
public final class RestartLedger {
  private final Duration window;
  private final Map<String, Deque<Instant>> restarts = new HashMap<>();

  public RestartLedger(Duration window) {
    this.window = window;
  }

  public synchronized void record(String loop, Instant at) {
    Deque<Instant> times = restarts.computeIfAbsent(loop, k -> new ArrayDeque<>());
    times.addLast(at);
    // Older entries never count again; keep the deque small.
    while (times.size() > 64) times.removeFirst();
  }

  /** Restarts of {@code loop} within the window before {@code now}. */
  public synchronized int recent(String loop, Instant now) {
    Instant since = now.minus(window);
    return (int) restarts.getOrDefault(loop, new ArrayDeque<>()).stream()
        .filter(t -> t.isAfter(since) && !t.isAfter(now)).count();
  }

  public synchronized Optional<Instant> last(String loop) {
    Deque<Instant> times = restarts.get(loop);
    return times == null || times.isEmpty() ? Optional.empty() : Optional.of(times.getLast());
  }
}
