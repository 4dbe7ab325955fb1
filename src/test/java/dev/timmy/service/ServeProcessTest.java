package dev.timmy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import dev.timmy.journal.Journal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as a real process: it says where it listens, serves, and stops cleanly on SIGTERM. */
class ServeProcessTest {
  private static final Pattern LISTENING = Pattern.compile("Timmy listening on (http://127\\.0\\.0\\.1:\\d+) ");

  @Test
  void serve_listens_runs_cycles_and_stops_cleanly_on_sigterm(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("timmy.yml");
    Path db = dir.resolve("timmy.db");
    Files.writeString(config, "owner:\n  login: alex\nagents:\n  - name: kimi\n    kind: KIMI\n    login: kimi-code\n"
        + "journal:\n  path: " + db + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.timmy.Main", "serve",
        "--config", config.toString(), "--port", "0").redirectError(dir.resolve("stderr.txt").toFile());
    pb.environment().put("TIMMY_ADMIN_TOKEN", "proc-admin-token");
    Process p = pb.start();
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      Matcher m = LISTENING.matcher(first == null ? "" : first);
      assertTrue(m.find(), first + " / " + Files.readString(dir.resolve("stderr.txt")));
      String url = m.group(1);
      JsonNode health = awaitGoodCycle(http, url);
      assertEquals("dry-run", health.get("mode").asText());

      // Ask for a cycle and stop at once: the stop waits for it rather than leaving it RUNNING.
      http.newCall(new Request.Builder().url(url + "/api/cycles").header("Authorization", "Bearer proc-admin-token")
          .post(RequestBody.create(new byte[0])).build()).enqueue(new okhttp3.Callback() {
            @Override
            public void onFailure(okhttp3.Call call, java.io.IOException e) {}

            @Override
            public void onResponse(okhttp3.Call call, Response response) {
              response.close();
            }
          });
      Thread.sleep(100);
      p.toHandle().destroy(); // SIGTERM, leaving the pipes open to read what it says
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve stops within a minute of SIGTERM");
      StringBuilder rest = new StringBuilder();
      for (String line; (line = out.readLine()) != null; ) rest.append(line).append('\n');
      assertTrue(rest.toString().contains("Timmy: stopping"), rest.toString());
    } finally {
      p.destroyForcibly();
      http.dispatcher().executorService().shutdown();
    }
    for (CycleRow c : Journal.open(db).reader().cycles(100, null).cycles()) {
      assertTrue(c.status() != CycleStatus.RUNNING, "no cycle left running: " + c);
    }
  }

  private static JsonNode awaitGoodCycle(OkHttpClient http, String url) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try (Response r = http.newCall(new Request.Builder().url(url + "/api/health").build()).execute()) {
        JsonNode h = Json.mapper().readTree(r.body().string());
        if (!h.get("lastGoodCycle").isNull()) return h;
      }
      if (System.nanoTime() > until) throw new AssertionError("no good cycle within 60 s");
      Thread.sleep(100);
    }
  }
}
