package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.Secrets;
import dev.timmy.service.ServeOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without secrets in the environment, Timmy serves its reading routes and refuses every write. */
class LockedApiTest {
  @TempDir static Path dir;
  static Harness h;

  @BeforeAll
  static void serve() throws Exception {
    h = Harness.start(Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules")), Secrets.none(), ServeOptions.defaults());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void without_an_admin_token_every_mutating_route_answers_401_naming_the_variable() throws Exception {
    long cycles = h.service.journal().reader().cycles(1, null).total();
    for (String path : List.of("/api/cycles", "/api/rules/reload", "/api/simulate")) {
      for (String token : new String[] {null, "", "anything", Harness.ADMIN_TOKEN}) {
        Harness.Reply r = h.post(path, "{\"files\":{\"a.drl\":\"x\"}}", token);
        assertEquals(401, r.code(), path + " " + r.body());
        assertEquals("unauthorized", r.json().get("code").asText());
        assertTrue(r.json().get("message").asText().contains("TIMMY_ADMIN_TOKEN is unset"), r.body());
      }
    }
    assertEquals(cycles, h.service.journal().reader().cycles(1, null).total());
    assertEquals(200, h.get("/api/health").code(), "reading stays open");
  }

  @Test
  void without_a_webhook_secret_every_delivery_is_refused() throws Exception {
    for (String secret : new String[] {null, "", Harness.WEBHOOK_SECRET}) {
      Harness.Reply r = h.webhook("{\"action\":\"opened\"}", secret == null || secret.isEmpty() ? null : secret);
      assertEquals(401, r.code(), r.body());
      assertTrue(r.json().get("message").asText().contains("TIMMY_WEBHOOK_SECRET is unset"), r.body());
    }
    assertEquals(3, ApiServerTest.count(h.get("/metrics").body(), "timmy_webhooks_total{result=\"rejected\"}"));
  }
}
