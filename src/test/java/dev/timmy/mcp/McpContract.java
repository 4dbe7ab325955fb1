package dev.timmy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import dev.timmy.decide.Decision;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.RouteItem;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What every transport must answer, asked with the SDK's own client: the seven tools with their
 * schemas, explanations equal to the decision the server made, and every failure a tool error with
 * the API's code. Subclasses connect the client (stdio process, HTTP on the in-process service) and
 * give the decision the server holds.
 */
abstract class McpContract {
  static final Set<String> TOOLS = Set.of("backlog", "explain", "agents", "house", "next_task", "history", "simulate");

  abstract McpSyncClient client();

  /** The decision the server answers from (computed independently of the MCP answers). */
  abstract Decision decision();

  static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
    return c.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  static JsonNode ok(McpSchema.CallToolResult r) {
    assertFalse(Boolean.TRUE.equals(r.isError()), () -> "expected an answer, found the tool error " + r.content());
    JsonNode structured = Json.mapper().valueToTree(r.structuredContent());
    String text = ((McpSchema.TextContent) r.content().get(0)).text();
    assertEquals(structured, Json.mapper().valueToTree(readTree(text)), "the text content is the structured content as JSON");
    return structured;
  }

  static String errorCode(McpSchema.CallToolResult r) {
    assertTrue(Boolean.TRUE.equals(r.isError()), () -> "expected a tool error, found " + r.structuredContent());
    JsonNode s = Json.mapper().valueToTree(r.structuredContent());
    String text = ((McpSchema.TextContent) r.content().get(0)).text();
    assertTrue(text.startsWith(s.get("code").asText() + ": "), text);
    return s.get("code").asText();
  }

  private static JsonNode readTree(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("text content is not JSON: " + text, e);
    }
  }

  @Test
  void tools_list_has_the_seven_tools_each_with_input_and_output_schemas() {
    List<McpSchema.Tool> tools = client().listTools().tools();
    Set<String> names = new TreeSet<>();
    for (McpSchema.Tool t : tools) {
      names.add(t.name());
      assertEquals("object", t.inputSchema().get("type"), t.name());
      assertNotNull(t.outputSchema(), t.name() + " documents its result");
      assertEquals("object", t.outputSchema().get("type"), t.name());
      assertFalse(t.description().isBlank(), t.name());
    }
    assertEquals(new TreeSet<>(TOOLS), names);
    McpSchema.Tool explain = tools.stream().filter(t -> t.name().equals("explain")).findFirst().orElseThrow();
    assertEquals(List.of("subject"), explain.inputSchema().get("required"));
    assertTrue(((Map<?, ?>) explain.inputSchema().get("properties")).containsKey("cycles"));
  }

  @Test
  void explain_of_the_top_issue_is_the_decision_in_force() {
    PriorityItem top = decision().priorities().stream().min(Comparator.comparingInt(PriorityItem::rank)).orElseThrow();
    JsonNode x = ok(call(client(), "explain", Map.of("subject", top.subject())));
    assertEquals(top.subject(), x.get("subject").asText());
    assertEquals(top.total(), x.get("current").get("priority").get("total").asInt());
    assertEquals(top.parts().size(), x.get("current").get("priority").get("parts").size());
    String chosen = decision().chosenRoute(top.subject()).map(RouteItem::agent).orElse(null);
    int chosenInAnswer = 0;
    for (JsonNode r : x.get("current").get("routes")) {
      if (r.get("chosen").asBoolean()) {
        assertEquals(chosen, r.get("agent").asText());
        chosenInAnswer++;
      } else {
        assertTrue(x.get("whyNot").toString().contains("not " + r.get("agent").asText() + ": "), x.get("whyNot").toString());
      }
    }
    assertEquals(chosen == null ? 0 : 1, chosenInAnswer);
    assertFalse(x.get("history").isEmpty(), "the journaled cycle is its history");
  }

  @Test
  void explain_of_a_house_subject_and_an_agent_answers_too() {
    String model = decision().checks().stream().map(c -> c.subject()).filter(s -> s.startsWith("model:")).findFirst().orElseThrow();
    assertEquals(model, ok(call(client(), "explain", Map.of("subject", model))).get("subject").asText());
    JsonNode kimi = ok(call(client(), "explain", Map.of("subject", "agent:kimi")));
    assertFalse(kimi.get("current").get("checks").isEmpty(), kimi.toString());
  }

  @Test
  void a_subject_nobody_knows_is_a_not_found_tool_error() {
    assertEquals("not_found", errorCode(call(client(), "explain", Map.of("subject", "alex/no-such-repo#424242"))));
    assertEquals("not_found", errorCode(call(client(), "next_task", Map.of("agent", "nobody"))));
  }

  @Test
  void simulate_without_the_admin_token_is_an_unauthorized_tool_error() {
    McpSchema.CallToolResult r = call(client(), "simulate", Map.of("files", Map.of("priority.drl", "package rules;")));
    assertEquals("unauthorized", errorCode(r));
  }

  @Test
  void hostile_arguments_are_invalid_parameter_tool_errors_naming_the_parameter() {
    McpSyncClient c = client();
    McpSchema.CallToolResult huge = call(c, "explain", Map.of("subject", "a/b#" + "9".repeat(200_000)));
    assertEquals("invalid_parameter", errorCode(huge));
    assertTrue(text(huge).length() < 400, "the error does not echo the huge value back: " + text(huge).length());
    McpSchema.CallToolResult control = call(c, "explain", Map.of("subject", "alex/game-bot#3\u0000\u001b[31m"));
    assertEquals("invalid_parameter", errorCode(control));
    assertTrue(text(control).contains("\\u0000") && !text(control).contains("\u001b"), text(control));
    assertEquals("invalid_parameter", errorCode(call(c, "history", Map.of("subject", "host", "cycles", 1e9))));
    assertEquals("invalid_parameter", errorCode(call(c, "history", Map.of("subject", "host", "cycles", "ten"))));
    assertEquals("invalid_parameter", errorCode(call(c, "explain", Map.of("subject", List.of("host")))));
    assertEquals("invalid_parameter", errorCode(call(c, "explain", Map.of("subject", "host", "sql", "1; DROP TABLE"))));
    assertEquals("invalid_parameter", errorCode(call(c, "explain", Map.of())));
    assertEquals("invalid_parameter", errorCode(call(c, "backlog", Map.of("limit", 0))));
    // The server survives all of it.
    assertEquals("host", ok(call(c, "explain", Map.of("subject", "host"))).get("subject").asText());
  }

  @Test
  void backlog_is_ranked_with_the_chosen_routes() {
    JsonNode b = ok(call(client(), "backlog", Map.of("limit", 5)));
    assertEquals(decision().priorities().size(), b.get("size").asInt());
    assertEquals(5, b.get("items").size());
    int last = 0;
    for (JsonNode i : b.get("items")) {
      assertTrue(i.get("rank").asInt() > last, b.toString());
      last = i.get("rank").asInt();
      String chosen = decision().chosenRoute(i.get("subject").asText()).map(RouteItem::agent).orElse(null);
      assertEquals(chosen, i.get("chosen").isNull() ? null : i.get("chosen").asText(), i.get("subject").asText());
    }
  }

  @Test
  void next_task_gives_an_agent_its_best_routed_subject_and_why() {
    Decision d = decision();
    RouteItem best = d.routes().stream().filter(r -> r.chosen() && r.agent().equals("kimi"))
        .min(Comparator.comparingInt(r -> d.priorityOf(r.subject()).map(PriorityItem::rank).orElse(Integer.MAX_VALUE)))
        .orElseThrow(() -> new AssertionError("the demo routes something to kimi"));
    JsonNode n = ok(call(client(), "next_task", Map.of("agent", "kimi")));
    assertEquals("kimi", n.get("agent").asText());
    assertEquals(best.subject(), n.get("take").get("subject").asText());
    String why = n.get("why").toString();
    assertTrue(why.contains(best.ruleId()) && why.contains("routed to kimi"), why);
    for (JsonNode q : n.get("queue")) assertTrue(q.get("rank").asInt() > n.get("take").get("rank").asInt(), n.toString());
  }

  @Test
  void history_agents_and_house_answer_in_their_documented_shapes() {
    String top = decision().priorities().get(0).subject();
    JsonNode h = ok(call(client(), "history", Map.of("subject", top, "cycles", 3)));
    assertEquals(top, h.get("subject").asText());
    assertFalse(h.get("spans").isEmpty());
    JsonNode agents = ok(call(client(), "agents", Map.of()));
    assertTrue(agents.get("agents").size() >= 2, agents.toString());
    JsonNode house = ok(call(client(), "house", Map.of()));
    assertTrue(house.get("models").size() >= 1, house.toString());
  }

  /** One JSON-RPC request as a line, for the tests that speak the protocol byte for byte. */
  static String request(int id, String method, Map<String, Object> params) throws Exception {
    ObjectNode r = Json.mapper().createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    r.set("params", Json.mapper().valueToTree(params));
    return Json.mapper().writeValueAsString(r);
  }

  static String initialize() throws Exception {
    return request(1, "initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
        "clientInfo", Map.of("name", "raw", "version", "1")));
  }

  static void send(OutputStream in, String line) throws Exception {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }
}
