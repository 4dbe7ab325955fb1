package dev.timmy.journal;

import java.time.Duration;
import java.time.InstantSource;

/**
 * The webhook deliveries Timmy accepted in the last day, kept in the journal so a replay is
 * refused across a restart too. Bounded: older than a day is forgotten, and past {@link #MAX} keys
 * the oldest go first.
 */
public final class Deliveries {
  public static final Duration REMEMBERED = Duration.ofDays(1);
  static final int MAX = 20_000;

  private final Database db;
  private final InstantSource clock;

  Deliveries(Database db, InstantSource clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records {@code keys} (the delivery id, the body's signature) and answers true when none was
   * seen in the last day; when one was, records nothing and answers false.
   */
  public boolean firstTime(String... keys) {
    return db.write("remember a webhook delivery", c -> {
      Database.update(c, "DELETE FROM webhook_deliveries WHERE received < ?", clock.instant().minus(REMEMBERED));
      for (String key : keys) {
        try (var s = Database.prepare(c, "SELECT 1 FROM webhook_deliveries WHERE key = ?", key); var r = s.executeQuery()) {
          if (r.next()) return false;
        }
      }
      for (String key : keys) {
        Database.update(c, "INSERT INTO webhook_deliveries(key, received) VALUES (?, ?)", key, clock.instant());
      }
      Database.update(c, "DELETE FROM webhook_deliveries WHERE key IN (SELECT key FROM webhook_deliveries"
          + " ORDER BY received DESC LIMIT -1 OFFSET ?)", MAX);
      return true;
    });
  }
}
