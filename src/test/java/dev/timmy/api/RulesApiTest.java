package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import dev.timmy.facts.Issue;
import dev.timmy.service.ServeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules over the API: status, hot reload of edits (good and bad), reload and simulate. */
class RulesApiTest {
  private static final String BUGS_LHS = "$i : Issue(pull == false, open(), hasLabel(\"bug\"))";
  private static final String BUGS_POINTS = "int points = 20;\n    insertLogical(new ScorePart($i.subject(), points, \"labelled bug";

  @TempDir Path dir;
  private Path rules;
  private String priority;
  private Harness h;

  @BeforeEach
  void serve() throws Exception {
    rules = Harness.copyOfRules(dir.resolve("rules"));
    priority = Files.readString(rules.resolve("priority.drl"));
    assertTrue(priority.contains(BUGS_LHS) && priority.contains(BUGS_POINTS), "the Bugs rule is where this test expects it");
    h = Harness.start(Harness.demoConfig(dir.resolve("timmy.db"), rules), Harness.secrets(), ServeOptions.defaults());
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void rules_list_every_rule_with_file_and_line() throws Exception {
    Harness.Reply r = h.get("/api/rules");
    assertEquals(200, r.code());
    assertEquals(h.service.rules().revision(), r.json().get("revision").asText());
    assertTrue(r.json().get("rules").size() > 20);
    for (JsonNode rule : r.json().get("rules")) {
      assertTrue(rule.get("file").asText().endsWith(".drl") && rule.get("line").asInt() > 0, rule.toString());
    }
    JsonNode bugs = find(r.json().get("rules"), "PRIO-003");
    assertEquals("priority.drl", bugs.get("file").asText());
    assertEquals(lineOf(priority, "rule \"Bugs\""), bugs.get("line").asInt());
  }

  @Test
  void a_bad_edit_shows_in_health_with_file_and_line_and_the_previous_revision_stays_in_force() throws Exception {
    String before = h.service.rules().revision();
    String broken = priority.replace(BUGS_LHS, "$i : Issue(pull == false, open(), labels contains )");
    Files.writeString(rules.resolve("priority.drl"), broken);
    int line = lineOf(broken, "labels contains )");

    Harness.Reply cycle = h.admin("/api/cycles", "");
    assertEquals(200, cycle.code(), cycle.body());
    assertEquals("OK", cycle.json().get("status").asText());
    assertEquals(before, cycle.json().get("rulesRevision").asText(), "the cycle ran on the previous rules");

    JsonNode health = h.get("/api/health").json();
    assertEquals("degraded", health.get("status").asText());
    assertEquals(before, health.get("rules").get("revision").asText());
    JsonNode error = health.get("rules").get("errors").get(0);
    assertEquals("priority.drl", error.get("file").asText());
    assertEquals(line, error.get("line").asInt(), health.toString());
    assertTrue(h.get("/metrics").body().contains("timmy_rule_errors " + health.get("rules").get("errors").size()));

    Harness.Reply reload = h.admin("/api/rules/reload", "");
    assertEquals(422, reload.code());
    assertEquals("rules_invalid", reload.json().get("code").asText());
    assertTrue(reload.json().get("message").asText().contains("priority.drl:" + line + ":"), reload.body());
    assertTrue(reload.json().get("message").asText().contains("revision " + before + " stays in force"));

    Files.writeString(rules.resolve("priority.drl"), priority);
    Harness.Reply fixed = h.admin("/api/rules/reload", "");
    assertEquals(200, fixed.code(), fixed.body());
    assertEquals(before, fixed.json().get("revision").asText());
    assertEquals("ok", h.get("/api/health").json().get("status").asText());
  }

  @Test
  void a_good_edit_is_in_force_from_the_next_cycle() throws Exception {
    String before = h.service.rules().revision();
    Files.writeString(rules.resolve("priority.drl"), priority.replace(BUGS_POINTS, BUGS_POINTS.replace("20", "35")));
    Harness.Reply cycle = h.admin("/api/cycles", "");
    String after = cycle.json().get("rulesRevision").asText();
    assertNotEquals(before, after);
    assertEquals(after, h.get("/api/rules").json().get("revision").asText());
    JsonNode parts = h.get("/api/explain/alex/game-bot/17").json().get("current").get("priority").get("parts");
    assertEquals(35, find(parts, "PRIO-003").get("points").asInt());
  }

  @Test
  void simulate_shows_what_a_threshold_edit_would_move() throws Exception {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("files").put("priority.drl", priority.replace(BUGS_POINTS, BUGS_POINTS.replace("20", "200")));
    Harness.Reply r = h.admin("/api/simulate", body.toString());
    assertEquals(200, r.code(), r.body());
    JsonNode diff = r.json();
    assertEquals(h.service.rules().revision(), diff.get("liveRevision").asText());
    assertNotEquals(diff.get("liveRevision").asText(), diff.get("candidateRevision").asText());
    Map<String, JsonNode> moved = new HashMap<>();
    diff.get("priorities").forEach(m -> moved.put(m.get("subject").asText(), m));
    List<Issue> bugs = h.service.latest().decided().orElseThrow().snapshot().issues().stream()
        .filter(i -> i.open() && i.labels().contains("bug")).toList();
    assertTrue(bugs.size() > 1);
    for (Issue bug : bugs) {
      JsonNode m = moved.get(bug.subject());
      assertTrue(m != null, bug.subject() + " moved");
      assertEquals(180, m.get("toTotal").asInt() - m.get("fromTotal").asInt(), m.toString());
    }
    for (JsonNode m : moved.values()) {
      if (bugs.stream().noneMatch(b -> b.subject().equals(m.get("subject").asText()))) {
        assertEquals(m.get("fromTotal"), m.get("toTotal"), "only ranks move for non-bugs: " + m);
      }
    }
    assertEquals(h.service.rules().revision(), h.get("/api/health").json().get("rules").get("revision").asText(),
        "simulating changes nothing in force");
  }

  @Test
  void simulate_refuses_candidate_files_that_do_not_compile_with_every_file_and_line() throws Exception {
    String broken = priority.replace(BUGS_LHS, "$i : Issue(pull == false, open(), labels contains )");
    String extra = "package timmy.policy;\nrule \"x\"\nwhen\n  Nope( )\nthen\nend\n";
    Harness.Reply bad = h.admin("/api/simulate", Json.mapper().writeValueAsString(
        Map.of("files", Map.of("priority.drl", broken, "extra.drl", extra))));
    assertEquals(422, bad.code());
    String message = bad.json().get("message").asText();
    assertTrue(message.contains("priority.drl:" + lineOf(broken, "labels contains )") + ":"), message);
    assertTrue(message.contains("extra.drl:"), message);
  }

  @Test
  void simulate_compiles_no_directory_on_the_disk() throws Exception {
    Path candidate = dir.resolve("candidate");
    Files.createDirectories(candidate);
    Files.writeString(candidate.resolve("leak.drl"), "package timmy.policy;\n");
    Harness.Reply r = h.admin("/api/simulate", "{\"rulesDir\":" + Json.mapper().writeValueAsString(candidate.toString()) + "}");
    assertEquals(400, r.code(), r.body());
    assertTrue(r.json().get("message").asText().startsWith("rulesDir: not accepted"), r.body());
  }

  @Test
  void simulate_is_for_the_admin_only_and_names_what_is_wrong_with_the_body() throws Exception {
    assertEquals(401, h.post("/api/simulate", "{\"files\":{\"a.drl\":\"\"}}", null).code());
    for (String body : List.of("{}", "{\"files\":{\"../escape.drl\":\"x\"}}", "{\"files\":{}}", "not json",
        "{\"rulesDir\":\"/tmp\",\"files\":{\"a.drl\":\"x\"}}")) {
      Harness.Reply r = h.admin("/api/simulate", body);
      assertEquals(400, r.code(), body + " → " + r.body());
      assertEquals("invalid_body", r.json().get("code").asText());
    }
  }

  private static JsonNode find(JsonNode array, String ruleId) {
    for (JsonNode n : array) {
      if (ruleId.equals(n.path("id").asText(n.path("ruleId").asText()))) return n;
    }
    throw new AssertionError(ruleId + " not in " + array);
  }

  private static int lineOf(String text, String needle) throws IOException {
    int at = text.indexOf(needle);
    if (at < 0) throw new IOException(needle + " not found");
    return 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
  }
}
