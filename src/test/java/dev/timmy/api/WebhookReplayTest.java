package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timmy.service.ServeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed delivery is accepted once: by its id, by its body under another id, after a restart; a day later it is forgotten. */
class WebhookReplayTest {
  private static final String ID = "5a9f0c2e-7b1d-4e8a-9c3f-1d2e3f4a5b6c";
  private static final String BODY = "{\"action\":\"edited\",\"number\":7}";

  @TempDir Path dir;
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T09:00:00Z"));

  private Harness serve() throws Exception {
    InstantSource clock = () -> now.get();
    return Harness.start(Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules")), Harness.secrets(),
        ServeOptions.defaults().clock(clock).webhookDebounce(Duration.ofMillis(50), Duration.ofMillis(200)));
  }

  @Test
  void a_delivery_is_accepted_once_even_across_a_restart() throws Exception {
    try (Harness h = serve()) {
      assertEquals(202, h.webhook(BODY, Harness.WEBHOOK_SECRET, ID).code());
      Harness.Reply again = h.webhook(BODY, Harness.WEBHOOK_SECRET, ID);
      assertEquals(409, again.code(), again.body());
      assertEquals("duplicate_delivery", again.json().get("code").asText());
      assertEquals(409, h.webhook(BODY, Harness.WEBHOOK_SECRET, "0b7c4d1e-0000-4000-8000-000000000001").code(),
          "the same signed body under a fresh id is a replay too");
      assertEquals(202, h.webhook("{\"action\":\"edited\",\"number\":8}", Harness.WEBHOOK_SECRET,
          "0b7c4d1e-0000-4000-8000-000000000002").code(), "a new delivery is accepted");
    }
    try (Harness h = serve()) {
      assertEquals(409, h.webhook(BODY, Harness.WEBHOOK_SECRET, ID).code(), "remembered in the journal");
      now.set(now.get().plus(Duration.ofHours(25)));
      assertEquals(202, h.webhook(BODY, Harness.WEBHOOK_SECRET, ID).code(), "forgotten after a day");
    }
  }

  @Test
  void a_delivery_without_a_plausible_id_is_refused_and_an_unsigned_one_remembers_nothing() throws Exception {
    try (Harness h = serve()) {
      Harness.Reply none = h.webhook(BODY, Harness.WEBHOOK_SECRET, null);
      assertEquals(400, none.code(), none.body());
      assertEquals(400, h.webhook(BODY, Harness.WEBHOOK_SECRET, "x".repeat(65)).code());
      assertEquals(400, h.webhook(BODY, Harness.WEBHOOK_SECRET, "id with spaces").code());
      assertEquals(401, h.webhook(BODY, "wrong-secret", ID).code());
      assertEquals(202, h.webhook(BODY, Harness.WEBHOOK_SECRET, ID).code(), "the unsigned attempt did not burn the id");
    }
  }
}
