package dev.timmy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.derive.Derive;
import dev.timmy.observe.DemoHouse;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code timmy mcp} as a real process on the demo house, driven over stdio by the SDK's own client
 * (the same contract as over HTTP), and byte for byte: stdout carries only JSON-RPC, the process
 * ends when its stdin does.
 */
class McpStdioTest extends McpContract {
  static final List<String> stderr = new CopyOnWriteArrayList<>();
  static McpSyncClient client;
  static Decision decision;

  static List<String> command(String... args) {
    List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.timmy.Main", "mcp"));
    c.addAll(List.of(args));
    return c;
  }

  @BeforeAll
  static void start() throws Exception {
    decision = RuleBook.open(Path.of("rules")).evaluate(Derive.from(DemoHouse.load(Path.of("fixtures/demo"))));
    List<String> c = command();
    StdioClientTransport t = new StdioClientTransport(ServerParameters.builder(c.get(0)).args(c.subList(1, c.size())).build(),
        McpServers.mapper());
    t.setStdErrorHandler(stderr::add);
    client = McpClient.sync(t).requestTimeout(Duration.ofSeconds(120)).initializationTimeout(Duration.ofSeconds(180)).build();
    client.initialize();
  }

  @AfterAll
  static void stop() {
    client.closeGracefully();
  }

  @Override
  McpSyncClient client() {
    return client;
  }

  @Override
  Decision decision() {
    return decision;
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void stdout_carries_only_json_rpc_admin_may_simulate_and_the_process_ends_with_its_stdin() throws Exception {
    Path err = Files.createTempFile("timmy-mcp-", ".stderr");
    Process p = new ProcessBuilder(command("--admin")).redirectError(err.toFile()).start();
    List<String> lines = new ArrayList<>();
    try (OutputStream in = p.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      send(in, initialize());
      lines.add(out.readLine());
      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      String priority = Files.readString(Path.of("rules", "priority.drl"));
      send(in, request(2, "tools/call", Map.of("name", "simulate", "arguments",
          Map.of("files", Map.of("priority.drl", priority.replace("int points = 50;", "int points = 0;"))))));
      lines.add(out.readLine());
      in.close();
      for (String line; (line = out.readLine()) != null; ) lines.add(line);
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timmy mcp ends once its stdin is closed");
    assertEquals(0, p.exitValue(), Files.readString(err));
    for (String line : lines) {
      JsonNode j = Json.mapper().readTree(line);
      assertEquals("2.0", j.get("jsonrpc").asText(), "only JSON-RPC on stdout: " + line);
    }
    assertEquals("timmy", Json.mapper().readTree(lines.get(0)).get("result").get("serverInfo").get("name").asText());
    JsonNode diff = Json.mapper().readTree(lines.get(1)).get("result");
    assertFalse(diff.path("isError").asBoolean(), diff.toString());
    assertFalse(diff.get("structuredContent").get("priorities").isEmpty(), "the edit moves priorities: " + diff);
    assertTrue(Files.readString(err).contains("Client initialize request"), "logs go to stderr");
  }

}
