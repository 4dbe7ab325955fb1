package dev.timmy.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What serve says at start: beyond loopback loudly, and the secrets by name, never by value. */
class ServeNotesTest {
  @Test
  void serving_beyond_loopback_is_announced_and_secrets_are_named_never_shown(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("timmy.yml");
    Files.writeString(config, "owner: {login: alex}\nagents: [{name: kimi, kind: KIMI, login: kimi-code}]\n"
        + "service: {bind: 0.0.0.0, allowRemote: true, cycleSeconds: 3600}\njournal: {path: timmy.db}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Serve serve = new Serve(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
        Map.of("TIMMY_ADMIN_TOKEN", "adm-secret-value"));
    Service s = serve.start(config, ServeOptions.defaults().port(0));
    try {
      String said = out.toString(StandardCharsets.UTF_8);
      assertTrue(said.contains("WARNING: listening on 0.0.0.0, reachable from other machines (service.allowRemote: true)"), said);
      assertTrue(said.contains("TIMMY_ADMIN_TOKEN is set") && said.contains("TIMMY_WEBHOOK_SECRET is unset"), said);
      assertFalse(said.contains("adm-secret-value"), said);
      assertFalse(said.contains("LIVE"), "dry-run says nothing of acting: " + said);
      assertTrue(Files.exists(dir.resolve("timmy.db")), "journal.path is relative to timmy.yml");
    } finally {
      s.close();
      s.awaitClosed(Duration.ofSeconds(10));
    }
  }
}
