package dev.timmy.api;

import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.ProposalItem;
import dev.timmy.journal.ActionStatus;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import dev.timmy.service.ServeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health names each target's breaker and says degraded, with the reason, while one is open or a cycle overruns. */
class HealthTest {
  @TempDir Path dir;

  @Test
  void an_open_breaker_makes_health_degraded_and_names_the_target_until_its_cool_down() throws Exception {
    Given.Clock clock = new Given.Clock(NOW);
    Path db = dir.resolve("timmy.db");
    Journal earlier = Journal.open(db, clock);
    ProposalItem restart = Given.proposal(ActionKind.RESTART_LOOP, "loop:hb", Map.of("loop", "hb"));
    long cycle = earlier.beginCycle("test", Mode.LIVE, "r");
    for (int i = 0; i < 3; i++) earlier.complete(earlier.intend(cycle, restart, Mode.LIVE), ActionStatus.FAILED, null, "exit 1");

    try (Harness h = Harness.start(Harness.demoConfig(db, Path.of("rules")), Harness.secrets(),
        ServeOptions.defaults().clock(clock))) {
      JsonNode health = h.get("/api/health").json();
      assertEquals("degraded", health.get("status").asText(), health.toString());
      JsonNode breaker = health.get("breakers").get(0);
      assertEquals("demo", breaker.get("target").asText());
      assertTrue(breaker.get("open").asBoolean());
      assertEquals(3, breaker.get("failures").asInt());
      assertEquals(NOW.plus(Duration.ofMinutes(30)).toString(), breaker.get("resumesAt").asText());
      assertTrue(health.get("reasons").toString().contains("circuit breaker of demo open until"), health.toString());

      clock.advance(Duration.ofMinutes(31));
      JsonNode later = h.get("/api/health").json();
      assertEquals("ok", later.get("status").asText(), later.toString());
      assertFalse(later.get("breakers").get(0).get("open").asBoolean());
      assertEquals(0, later.get("reasons").size());
    }
  }

  @Test
  void a_cycle_running_past_its_limit_makes_health_degraded() throws Exception {
    Given.Clock clock = new Given.Clock(NOW);
    Path db = dir.resolve("timmy.db");
    try (Harness h = Harness.start(Harness.demoConfig(db, Path.of("rules")), Harness.secrets(),
        ServeOptions.defaults().clock(clock))) {
      assertEquals("ok", h.get("/api/health").json().get("status").asText());
      long stuck = Journal.open(db, clock).beginCycle("test", Mode.DRY_RUN, "r"); // as a cycle that hangs would stay
      clock.advance(Duration.ofMinutes(30));
      assertEquals("ok", h.get("/api/health").json().get("status").asText(), "within the limit (the period, 3600 s)");
      clock.advance(Duration.ofMinutes(31));
      JsonNode health = h.get("/api/health").json();
      assertEquals("degraded", health.get("status").asText(), health.toString());
      assertTrue(health.get("reasons").get(0).asText().startsWith("cycle " + stuck + " has run 3660 s, past its limit of 3600 s"),
          health.toString());
    }
  }
}
