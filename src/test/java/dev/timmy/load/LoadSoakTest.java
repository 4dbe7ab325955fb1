package dev.timmy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short soak of the suite: the loop every second over a synthetic house with 100 clients on
 * the read routes for 30 s. Asserts what must hold whatever the machine (no error, no failed cycle,
 * Jetty's pool within its bound); the speed and memory figures are printed, not asserted. The
 * 10k-issue, 200-client, 10-minute version is {@code scripts/load --seconds 600} (README).
 */
class LoadSoakTest {
  @Test
  void reads_under_load_while_the_loop_runs_every_second_have_no_error_and_no_cycle_fails() throws Exception {
    Load.Result r = Load.run(new Load.Options(1_000, 100, Duration.ofSeconds(30), 1_000_000, Duration.ofSeconds(1)),
        Path.of("rules"));
    assertTrue(r.requests() > 100, "requests were served: " + r);
    assertEquals(0, r.errors(), r.toString());
    assertEquals(0, r.cyclesFailed(), r.toString());
    assertTrue(r.httpThreadsMax() <= dev.timmy.api.ApiServer.MAX_THREADS, "Jetty's pool stays bounded: " + r);
  }
}
