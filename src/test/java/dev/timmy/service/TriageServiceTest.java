package dev.timmy.service;

import static dev.timmy.host.OllamaFixtures.json;
import static dev.timmy.host.OllamaFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.api.Harness;
import dev.timmy.config.Secrets;
import dev.timmy.config.TimmyConfig;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done when: with triage on and a recorded Ollama, explain of an unlabelled issue shows its triage
 * fact and the model, and its route uses it. The whole service against a fake Gitea and a
 * MockWebServer playing Ollama (tags, ps, chat), on the fake Gitea's clock.
 */
class TriageServiceTest {
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  @TempDir Path dir;

  @Test
  void explain_of_an_unlabelled_issue_names_its_triage_and_model_and_its_route_uses_it() throws Exception {
    AtomicInteger chats = new AtomicInteger();
    try (GiteaTestServer t = new GiteaTestServer(); MockWebServer ollama = new MockWebServer()) {
      ollama.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          return switch (r.getTarget()) {
            case "/api/tags" -> ok(json("tags.json"));
            case "/api/ps" -> ok("{\"models\": []}");
            case "/api/chat" -> {
              chats.incrementAndGet();
              yield ok(json("chat-good.json"));
            }
            default -> ok("{}");
          };
        }
      });
      ollama.start();
      t.gitea.now = T;
      FakeRepo repo = t.gitea.repo("alex/app");
      repo.addIssue(3, "Pipeline flakes on the integration step", "alex", T.minus(Duration.ofDays(1)));
      TimmyConfig config = TimmyConfig.parse("""
          owner:
            login: alex
          agents:
            - {name: claude, kind: CLAUDE, login: claude-code, maxConcurrent: 2}
            - {name: kimi, kind: KIMI, login: kimi-code, strengths: [feature], maxConcurrent: 4}
          gitea:
            baseUrl: %s
            repos: [alex/app]
          house:
            ollamaUrl: %s
            fastModel: "qwen3:8b"
            complexModel: "qwen3:14b"
          triage:
            enabled: true
            timeoutSeconds: 5
          service:
            cycleSeconds: 3600
          journal:
            path: %s
          """.formatted(t.config(List.of("alex/app"), false).baseUrl(), ollama.url("/"), dir.resolve("timmy.db")), "timmy.yml");
      // A Gitea token: its user is Timmy's own login, without which no comment of the backlog is read.
      Secrets secrets = new Secrets(Harness.ADMIN_TOKEN, Harness.WEBHOOK_SECRET, "gitea-tok");
      try (Harness h = Harness.start(config, secrets, ServeOptions.defaults().clock(() -> t.gitea.now))) {
        Decision first = h.service.latest().decided().orElseThrow().decision();
        Assumptions.assumeTrue(first.checksOf("host").stream().anyMatch(c -> c.name().equals("memory-pressure") && !c.ok()),
            "this machine has less than 10% of its memory free: Timmy rightly asks no model; " + first.checksOf("host"));
        assertEquals("qwen3:8b", first.triage().get(0).model(), first.checksOf("alex/app#3").toString());
        // The runner hears of the cycle after the API does: wait for its call, then for its end.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (chats.get() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(h.service.triage().idle(Duration.ofSeconds(10)));
        assertEquals(1, chats.get());

        assertEquals(200, h.admin("/api/cycles", "").code());
        Decision second = h.service.latest().decided().orElseThrow().decision();
        assertEquals(List.of(), second.triage(), "answered once, never asked again");
        assertTrue(h.service.triage().idle(Duration.ofSeconds(10)));
        assertEquals(1, chats.get());

        JsonNode explain = h.get("/api/explain/alex/app/3").json();
        String text = explain.toString();
        assertTrue(text.contains("area: ci, kind: chore, complexity: small, from qwen3:8b, confidence 0.82"), text);
        assertTrue(text.contains("TRIAGE-040") && text.contains("TRIAGE-043"), "the route uses the triage: " + text);
        CheckItem used = second.checksOf("alex/app#3").stream().filter(c -> c.name().equals("triage")).findFirst().orElseThrow();
        assertTrue(used.ok());
        assertEquals("claude", second.chosenRoute("alex/app#3").orElseThrow().agent(), second.routesOf("alex/app#3").toString());
        assertEquals(0, t.gitea.writes(), "dry-run: triage wrote nothing to Gitea");
      }
    }
  }
}
