package dev.timmy.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.api.ApiServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short soak of the suite: the loop every second over the 10k-issue synthetic house (the
 * benchmark's) with 200 clients on the read routes for 60 s, the clients in a JVM of their own.
 * Asserts what must hold whatever the machine: no error, no failed cycle, the loop not starved by
 * the readers (cycles finish during the load), Jetty's pool within its bound. The speed and memory
 * figures are printed, not asserted. The 10-minute version is {@code scripts/load --seconds 600} (README).
 */
class LoadSoakTest {
  @Test
  void reads_under_load_while_the_loop_runs_every_second_have_no_error_and_no_cycle_fails() throws Exception {
    Load.Result r = Load.run(new Load.Options(10_000, 200, Duration.ofSeconds(60), 2_000_000, Duration.ofSeconds(1)),
        Path.of("rules"));
    assertTrue(r.requests() > 1_000, "requests were served: " + r);
    assertEquals(0, r.errors(), r.toString());
    assertEquals(0, r.cyclesFailed(), r.toString());
    assertTrue(r.cyclesOk() >= 1, "cycles kept running under the readers: " + r);
    assertTrue(r.httpThreadsMax() <= ApiServer.MAX_THREADS, "Jetty's pool stays bounded: " + r);
  }
}
