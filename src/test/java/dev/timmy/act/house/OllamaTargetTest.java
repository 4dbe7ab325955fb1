package dev.timmy.act.house;

import static dev.timmy.host.OllamaFixtures.json;
import static dev.timmy.host.OllamaFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.act.ActionRefused;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.Proposal;
import dev.timmy.decide.ProposalItem;
import dev.timmy.host.OllamaFixtures;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OllamaTargetTest {
  MockWebServer server;
  OllamaTarget target;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    target = new OllamaTarget(OllamaFixtures.client(server), "30m");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static ProposalItem item(ActionKind kind, String model, Map<String, String> params) {
    Proposal p = new Proposal(kind, "model:" + model, params, "test");
    return new ProposalItem(p.key(), kind, p.subject(), params, "MODEL-00X", "test", "test", List.of(), List.of());
  }

  JsonNode body(RecordedRequest r) throws IOException {
    return Json.mapper().readTree(r.getBody().utf8());
  }

  @Test
  void unload_posts_keep_alive_zero_without_a_prompt_and_expects_done_reason_unload() throws Exception {
    server.enqueue(ok("{\"model\":\"qwen3:14b\",\"created_at\":\"2026-11-23T09:00:01.5Z\",\"response\":\"\",\"done\":true,\"done_reason\":\"unload\"}"));

    String outcome = target.perform(item(ActionKind.UNLOAD_MODEL, "qwen3:14b", Map.of("model", "qwen3:14b")));

    assertEquals("unloaded qwen3:14b", outcome);
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("/api/generate", r.getTarget());
    assertEquals(Json.mapper().readTree("{\"model\":\"qwen3:14b\",\"keep_alive\":0,\"stream\":false}"), body(r));
    assertFalse(body(r).has("prompt"));
  }

  @Test
  void load_posts_the_keep_alive_duration_from_the_proposal() throws Exception {
    server.enqueue(ok("{\"model\":\"qwen3:8b\",\"created_at\":\"2026-11-23T09:00:04Z\",\"response\":\"\",\"done\":true,\"done_reason\":\"load\"}"));

    String outcome = target.perform(item(ActionKind.LOAD_MODEL, "qwen3:8b", Map.of("model", "qwen3:8b", "keepAlive", "45m")));

    assertEquals("loaded qwen3:8b for 45m", outcome);
    assertEquals(Json.mapper().readTree("{\"model\":\"qwen3:8b\",\"keep_alive\":\"45m\",\"stream\":false}"), body(server.takeRequest()));
  }

  @Test
  void load_without_a_keep_alive_uses_the_configured_one_and_the_model_from_the_subject() throws Exception {
    server.enqueue(ok("{\"model\":\"qwen3:8b\",\"response\":\"\",\"done\":true}"));
    target.perform(item(ActionKind.LOAD_MODEL, "qwen3:8b", Map.of()));
    JsonNode b = body(server.takeRequest());
    assertEquals("qwen3:8b", b.get("model").asText());
    assertEquals("30m", b.get("keep_alive").asText());
  }

  @Test
  void an_unload_ollama_did_not_confirm_fails_with_what_it_said() {
    server.enqueue(ok("{\"model\":\"qwen3:14b\",\"response\":\"\",\"done\":true,\"done_reason\":\"stop\"}"));
    IOException e = assertThrows(IOException.class,
        () -> target.perform(item(ActionKind.UNLOAD_MODEL, "qwen3:14b", Map.of())));
    assertTrue(e.getMessage().contains("expected done with done_reason \"unload\", found done=true done_reason=\"stop\""), e.getMessage());
  }

  @Test
  void ollamas_error_reply_fails_the_action_with_its_message() {
    server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":\"model 'qwen3:32b' not found\"}").build());
    IOException e = assertThrows(IOException.class,
        () -> target.perform(item(ActionKind.LOAD_MODEL, "qwen3:32b", Map.of())));
    assertEquals("/api/generate answered HTTP 404: model 'qwen3:32b' not found", e.getMessage());
  }

  @Test
  void a_malformed_keep_alive_is_refused_before_any_request() {
    assertThrows(ActionRefused.class,
        () -> target.perform(item(ActionKind.LOAD_MODEL, "qwen3:8b", Map.of("keepAlive", "30m; rm -rf"))));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void already_done_is_asked_of_api_ps() throws Exception {
    server.enqueue(ok(json("ps.json")));
    assertTrue(target.alreadyDone(item(ActionKind.LOAD_MODEL, "qwen3:14b", Map.of())), "14b is in /api/ps: loaded");
    server.enqueue(ok(json("ps.json")));
    assertFalse(target.alreadyDone(item(ActionKind.UNLOAD_MODEL, "qwen3:14b", Map.of())), "still loaded: unload not done");
    server.enqueue(ok("{\"models\":[]}"));
    assertTrue(target.alreadyDone(item(ActionKind.UNLOAD_MODEL, "qwen3:14b", Map.of())), "gone from /api/ps: unloaded");
    assertEquals("/api/ps", server.takeRequest().getTarget());
  }
}
