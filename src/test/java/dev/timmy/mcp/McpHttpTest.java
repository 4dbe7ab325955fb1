package dev.timmy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.api.Harness;
import dev.timmy.decide.Decision;
import dev.timmy.service.ServeOptions;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
  void timmy_mcp_with_the_config_answers_from_the_running_timmys_last_journaled_cycle_and_observes_nothing() throws Exception {
    Path config = dir.resolve("timmy.yml");
    Files.writeString(config, "owner:\n  login: alex\nagents:\n  - name: kimi\n    kind: KIMI\n    login: kimi-code\n"
        + "journal:\n  path: " + dir.resolve("timmy.db") + "\n");
    String top = decision().priorities().get(0).subject();
    long journaled = h.service.journal().reader().history(top, 1).cycleIds().get(0);
    PipedOutputStream toServer = new PipedOutputStream();
    PipedInputStream fromServer = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(fromServer);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 20);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new McpCommand(new PrintStream(err, true), Map.of())
        .run(config, null, null, false, serverIn, serverOut));
    exit.whenComplete((code, e) -> close(serverOut)); // a server that ends early ends the reads below too
    BufferedReader out = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
    send(toServer, initialize());
    String first = out.readLine();
    assertTrue(first != null, () -> "timmy mcp --config answers initialize; it said: " + err);
    assertEquals(1, Json.mapper().readTree(first).get("id").asInt(), err.toString());
    send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    send(toServer, request(2, "tools/call", Map.of("name", "history", "arguments", Map.of("subject", top))));
    JsonNode history = Json.mapper().readTree(out.readLine()).get("result").get("structuredContent");
    assertEquals(journaled, history.get("spans").get(0).get("newest").get("id").asLong(), history.toString());
    send(toServer, request(3, "tools/call", Map.of("name", "backlog", "arguments", Map.of())));
    JsonNode backlog = Json.mapper().readTree(out.readLine()).get("result");
    assertFalse(backlog.path("isError").asBoolean(), backlog.toString());
    JsonNode ranked = backlog.get("structuredContent");
    assertEquals(journaled, ranked.get("cycleId").asLong(), "the backlog of the journaled cycle");
    assertEquals(top, ranked.get("items").get(0).get("subject").asText(), "ranked as the running Timmy ranked it");
    assertEquals(decision().priorities().size(), ranked.get("size").asInt());
    toServer.close();
    assertEquals(0, exit.get(60, TimeUnit.SECONDS), err.toString());
  }

  private static void close(PipedOutputStream out) {
    try {
      out.close();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
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
