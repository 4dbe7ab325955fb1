package dev.timmy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.api.Harness;
import dev.timmy.decide.Decision;
import dev.timmy.service.ServeOptions;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MCP tools over streamable HTTP ({@code POST /mcp}) on the in-process service, with the SDK's client. */
class McpHttpTest extends McpContract {
  private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
      + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  @TempDir static Path dir;
  static Harness h;
  static McpSyncClient anonymous;

  @BeforeAll
  static void serve() throws Exception {
    h = Harness.start(Harness.demoConfig(dir.resolve("timmy.db"), Path.of("rules")), Harness.secrets(), ServeOptions.defaults());
    anonymous = connect(null);
  }

  @AfterAll
  static void stop() {
    anonymous.closeGracefully();
    h.close();
  }

  static McpSyncClient connect(String token) {
    HttpClientStreamableHttpTransport t = HttpClientStreamableHttpTransport.builder(h.url("")).endpoint("/mcp")
        .httpRequestCustomizer((builder, method, uri, body, context) -> {
          if (token != null) builder.header("Authorization", "Bearer " + token);
        }).build();
    McpSyncClient c = McpClient.sync(t).requestTimeout(Duration.ofSeconds(90)).initializationTimeout(Duration.ofSeconds(90)).build();
    c.initialize();
    return c;
  }

  @Override
  McpSyncClient client() {
    return anonymous;
  }

  @Override
  Decision decision() {
    return h.service.latest().decided().orElseThrow().decision();
  }

  @Test
  void simulate_with_the_admin_token_answers_the_decision_diff_of_the_edit() throws Exception {
    String priority = Files.readString(Path.of("rules", "priority.drl"));
    assertTrue(priority.contains("int points = 50;"), "PRIO-002 gives security 50 points");
    McpSyncClient admin = connect(Harness.ADMIN_TOKEN);
    try {
      JsonNode diff = ok(call(admin, "simulate", Map.of("files", Map.of("priority.drl",
          priority.replace("int points = 50;", "int points = 0;")))));
      assertEquals(h.service.rules().revision(), diff.get("liveRevision").asText());
      boolean dropped = false;
      for (JsonNode m : diff.get("priorities")) {
        if (m.get("fromTotal").isInt() && m.get("toTotal").isInt()) dropped |= m.get("fromTotal").asInt() - m.get("toTotal").asInt() == 50;
      }
      assertTrue(dropped, "a security issue loses its 50 points: " + diff);
      assertEquals("rules_invalid", errorCode(call(admin, "simulate", Map.of("files", Map.of("priority.drl", "rule \"x\" when then")))));
      assertEquals("invalid_body", errorCode(call(admin, "simulate", Map.of("files", Map.of("../escape.drl", "package rules;")))));
    } finally {
      admin.closeGracefully();
    }
  }

  @Test
  void a_wrong_token_is_unauthorized_and_reading_tools_need_none() {
    McpSyncClient wrong = connect("not-the-admin-token");
    try {
      assertEquals("unauthorized", errorCode(call(wrong, "simulate", Map.of("rulesDir", "rules"))));
      ok(call(wrong, "agents", Map.of()));
    } finally {
      wrong.closeGracefully();
    }
  }

  @Test
  void a_page_from_another_origin_is_refused_and_get_is_not_served() throws Exception {
    OkHttpClient http = new OkHttpClient();
    try {
      Request evil = new Request.Builder().url(h.url("/mcp")).header("Origin", "http://evil.example")
          .header("Accept", "application/json, text/event-stream")
          .post(RequestBody.create(INIT, MediaType.get("application/json"))).build();
      try (Response r = http.newCall(evil).execute()) {
        assertEquals(403, r.code());
        assertEquals("forbidden", Json.mapper().readTree(r.body().string()).get("code").asText());
      }
      Request local = evil.newBuilder().header("Origin", "http://localhost:" + h.service.port()).build();
      try (Response r = http.newCall(local).execute()) {
        assertEquals(200, r.code());
        assertEquals("timmy", Json.mapper().readTree(r.body().string()).get("result").get("serverInfo").get("name").asText());
      }
      try (Response r = http.newCall(new Request.Builder().url(h.url("/mcp")).build()).execute()) {
        assertEquals(405, r.code());
      }
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }
}
