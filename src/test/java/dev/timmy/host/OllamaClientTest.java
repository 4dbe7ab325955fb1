package dev.timmy.host;

import static dev.timmy.host.OllamaFixtures.json;
import static dev.timmy.host.OllamaFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.facts.ModelRole;
import dev.timmy.facts.OllamaModel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OllamaClientTest {
  MockWebServer server;
  OllamaClient ollama;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    ollama = OllamaFixtures.client(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void tags_and_ps_become_models_with_roles_and_what_is_loaded() throws Exception {
    server.enqueue(ok(json("tags.json")));
    server.enqueue(ok(json("ps.json")));

    OllamaReading r = ollama.read();

    assertNull(r.down());
    assertEquals(List.of(
        new OllamaModel("qwen3:14b", ModelRole.COMPLEX, 10957709312L, true, 10957709312L, Instant.parse("2026-11-23T09:20:00.123456Z")),
        new OllamaModel("qwen3:8b", ModelRole.FAST, 5225376047L, false, 0, null),
        new OllamaModel("nomic-embed-text:latest", ModelRole.OTHER, 274302450L, false, 0, null)), r.models());
    assertEquals("/api/tags", server.takeRequest().getTarget());
    RecordedRequest ps = server.takeRequest();
    assertEquals("GET", ps.getMethod());
    assertEquals("/api/ps", ps.getTarget());
  }

  @Test
  void a_refused_connection_is_an_ollama_down_fact() {
    String url = server.url("/").toString();
    server.close();
    OllamaReading r = ollama.read();
    assertEquals(List.of(), r.models());
    assertTrue(r.down().reason().startsWith("Ollama at " + url + ": "), r.down().reason());
  }

  @Test
  void an_error_status_is_down_with_ollamas_error_message() {
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"llama runner process has terminated\"}").build());
    OllamaReading r = ollama.read();
    assertTrue(r.down().reason().endsWith("/api/tags answered HTTP 500: llama runner process has terminated"), r.down().reason());
  }

  @Test
  void a_body_that_is_not_json_is_down_saying_what_was_found() {
    server.enqueue(ok("<html>gateway</html>"));
    OllamaReading r = ollama.read();
    assertTrue(r.down().reason().contains("/api/tags: expected JSON, found <html>gateway</html>"), r.down().reason());
  }

  @Test
  void json_of_the_wrong_shape_is_down_too() {
    server.enqueue(ok("{\"models\": [{\"name\": \"qwen3:8b\"}]}"));
    OllamaReading r = ollama.read();
    assertTrue(r.down().reason().contains("/api/tags: expected a model with a \"size\" number"), r.down().reason());

    server.enqueue(ok(json("tags.json")));
    server.enqueue(ok("{\"models\": [{\"name\": \"qwen3:14b\", \"size\": 1, \"expires_at\": \"tomorrow\"}]}"));
    assertTrue(ollama.read().down().reason().contains("expected an RFC 3339 expires_at, found tomorrow"));
  }

  @Test
  void a_timeout_is_down_and_does_not_hang() {
    server.enqueue(ok(json("tags.json")).newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
    long t0 = System.nanoTime();
    OllamaReading r = ollama.read();
    assertTrue((System.nanoTime() - t0) / 1e9 < 4.5, "the call timeout (2 s) cut it short");
    assertTrue(r.down() != null && r.models().isEmpty(), String.valueOf(r));
  }

  @Test
  void names_without_a_tag_mean_latest() {
    assertEquals("llama3:latest", OllamaClient.canonical("llama3"));
    assertEquals(ModelRole.OTHER, ollama.roleOf("qwen3"));
    assertEquals(ModelRole.FAST, ollama.roleOf("qwen3:8b"));
  }
}
