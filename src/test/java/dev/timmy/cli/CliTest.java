package dev.timmy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.Main;
import dev.timmy.decide.Decision;
import dev.timmy.decide.Explanation;
import dev.timmy.decide.RuleBook;
import dev.timmy.derive.Derive;
import dev.timmy.observe.DemoHouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it, on the bundled demo house and the default rules. */
class CliTest {
  record Run(int code, String out, String err) {}

  static Run run(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void evaluate_json_follows_the_decision_contract() throws IOException {
    Run r = run("evaluate", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode d = Json.mapper().readTree(r.out());
    assertTrue(d.get("rulesRevision").asText().matches("[0-9a-f]{12}"));
    assertTrue(d.get("snapshot").get("complete").asBoolean());
    assertEquals("2026-11-23T09:00:00Z", d.get("snapshot").get("takenAt").asText());

    JsonNode first = d.get("priorities").get(0);
    assertTrue(first.get("subject").asText().matches("[\\w.-]+/[\\w.-]+#\\d+"));
    int sum = 0;
    for (JsonNode part : first.get("parts")) {
      assertTrue(part.hasNonNull("ruleId") && part.hasNonNull("reason"), part.toString());
      sum += part.get("points").asInt();
    }
    assertEquals(first.get("total").asInt(), sum, "a total is the sum of its parts");

    for (JsonNode route : d.get("routes")) {
      for (String f : List.of("subject", "agent", "score", "chosen", "ruleId", "reason")) assertTrue(route.has(f), f);
    }
    for (JsonNode p : d.get("proposals")) {
      for (String f : List.of("id", "kind", "subject", "params", "ruleId", "reason", "vetoes")) assertTrue(p.has(f), f);
      for (JsonNode v : p.get("vetoes")) assertTrue(v.has("ruleId") && v.has("reason"));
    }
    for (JsonNode e : d.get("escalations")) {
      for (String f : List.of("subject", "reason", "ruleId")) assertTrue(e.has(f), f);
    }
  }

  @Test
  void the_demo_house_shows_merges_vetoes_escalations_and_routes() throws IOException {
    JsonNode d = Json.mapper().readTree(run("evaluate", "--json").out());
    long merges = stream(d.get("proposals")).filter(p -> p.get("kind").asText().equals("MERGE")
        && p.get("vetoes").isEmpty()).count();
    long vetoedMerges = stream(d.get("proposals")).filter(p -> p.get("kind").asText().equals("MERGE")
        && !p.get("vetoes").isEmpty()).count();
    assertEquals(2, merges);
    assertEquals(1, vetoedMerges);
    assertFalse(d.get("escalations").isEmpty());
    assertTrue(stream(d.get("routes")).anyMatch(r -> r.get("chosen").asBoolean() && r.get("agent").asText().equals("claude")));
    assertTrue(stream(d.get("routes")).anyMatch(r -> !r.get("chosen").asBoolean()), "losing routes are kept");
  }

  @Test
  void explain_says_why_and_why_not() {
    Run r = run("explain", "alex/hermes-dashboard#29");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Priority"), r.out());
    assertTrue(r.out().contains("→ claude"), r.out());
    assertTrue(r.out().contains("PRIO-002"), r.out());
    assertTrue(r.out().contains("excluded"), "why-not routes are shown:\n" + r.out());
  }

  @Test
  void explain_ends_with_the_why_not_lines_of_the_one_explanation_model() throws Exception {
    Decision d = RuleBook.open(Path.of("rules")).evaluate(Derive.from(DemoHouse.load(Path.of("fixtures/demo"))));
    List<String> whyNot = Explanation.of(d, "alex/game-bot#24").whyNot();
    assertFalse(whyNot.isEmpty(), "the vetoed merge of #24 has a why-not");
    Run r = run("explain", "alex/game-bot#24");
    assertEquals(0, r.code(), r.err());
    String section = r.out().substring(r.out().indexOf("\nWhy not\n") + "\nWhy not\n".length());
    assertEquals(whyNot.stream().map(w -> "  " + w + "\n").collect(java.util.stream.Collectors.joining()), section);
    assertTrue(section.contains("MERGE vetoed: "), section);
  }

  @Test
  void explain_json_carries_parts_routes_and_vetoed_proposals() throws IOException {
    Run r = run("explain", "alex/game-bot#24", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode x = Json.mapper().readTree(r.out());
    assertEquals("alex/game-bot#24", x.get("subject").asText());
    JsonNode merge = stream(x.get("proposals")).filter(p -> p.get("kind").asText().equals("MERGE")).findFirst().orElseThrow();
    assertEquals("AUTH-002", merge.get("vetoes").get(0).get("ruleId").asText());
    assertTrue(stream(x.get("checks")).anyMatch(c -> c.get("name").asText().equals("green") && c.get("ok").asBoolean()));
  }

  @Test
  void explain_of_an_unknown_subject_fails() {
    Run r = run("explain", "alex/nowhere#1");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("concluded nothing"), r.out());
  }

  @Test
  void a_broken_rule_file_gives_file_and_line_and_no_decision(@TempDir Path tmp) throws IOException {
    Path rules = copyRules(tmp);
    Path priority = rules.resolve("priority.drl");
    List<String> lines = Files.readAllLines(priority);
    int at = lines.indexOf(lines.stream().filter(l -> l.contains("hasLabel(\"security\")")).findFirst().orElseThrow());
    lines.set(at, lines.get(at).replace("hasLabel(\"security\")", "hasLabel(\"security\""));
    Files.write(priority, lines);

    Run r = run("evaluate", "--rules", rules.toString());
    assertEquals(1, r.code());
    assertEquals("", r.out(), "nothing is printed as a decision");
    // the parser notices the missing parenthesis on the line itself or where the pattern ends
    assertTrue(r.err().contains("priority.drl:" + (at + 1) + ":") || r.err().contains("priority.drl:" + (at + 2) + ":"), r.err());
    assertFalse(r.err().contains("priority.drl:0:"), "no line-less echo of the same error: " + r.err());
  }

  @Test
  void editing_a_threshold_changes_the_ranking_on_the_next_run(@TempDir Path tmp) throws IOException {
    Path rules = copyRules(tmp);
    JsonNode before = Json.mapper().readTree(run("evaluate", "--json", "--rules", rules.toString()).out());
    Path priority = rules.resolve("priority.drl");
    // security stops counting: the security issue leading the demo backlog drops
    String text = Files.readString(priority);
    int sec = text.indexOf("@id(\"PRIO-002\")");
    String edited = text.substring(0, sec) + text.substring(sec).replaceFirst("int points = 50;", "int points = 0;");
    Files.writeString(priority, edited);
    JsonNode after = Json.mapper().readTree(run("evaluate", "--json", "--rules", rules.toString()).out());
    assertFalse(before.get("rulesRevision").equals(after.get("rulesRevision")));
    assertFalse(before.get("priorities").get(0).get("subject").equals(after.get("priorities").get(0).get("subject")),
        "another issue now leads the backlog");
  }

  @Test
  void simulate_shows_the_diff_of_a_threshold_edit(@TempDir Path tmp) throws IOException {
    Path rules = copyRules(tmp);
    Path priority = rules.resolve("priority.drl");
    String text = Files.readString(priority);
    int sec = text.indexOf("@id(\"PRIO-002\")");
    Files.writeString(priority, text.substring(0, sec) + text.substring(sec).replaceFirst("int points = 50;", "int points = 0;"));
    Run r = run("simulate", "--rules", rules.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode diff = Json.mapper().readTree(r.out());
    assertTrue(diff.get("priorities").size() > 0, r.out());
    assertTrue(stream(diff.get("priorities")).anyMatch(m -> m.get("subject").asText().equals("alex/hermes-dashboard#29")));
  }

  @Test
  void test_rules_runs_the_scenarios() {
    Run r = run("test-rules");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().matches("(?s).*\\d+ passed, 0 failed.*"), r.out());
  }

  @Test
  void unknown_options_are_refused_with_a_suggestion() {
    Run r = run("evaluate", "--fixture", "x");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown options: '--fixture'"), r.err());
    assertTrue(r.err().contains("Possible solutions: --fixtures"), r.err());
    assertEquals("", r.out(), "nothing was evaluated");
  }

  @Test
  void a_bad_value_or_a_missing_subject_is_a_usage_error_that_says_what_was_expected() {
    Run now = run("evaluate", "--now", "yesterday");
    assertEquals(2, now.code());
    assertTrue(now.err().contains("expected an ISO-8601 instant like 2026-11-23T09:00:00Z, found yesterday"), now.err());
    Run subject = run("explain");
    assertEquals(2, subject.code());
    assertTrue(subject.err().contains("Missing required parameter: 'SUBJECT'"), subject.err());
  }

  @Test
  void help_lists_every_command_and_no_arguments_is_a_usage_error() {
    Run help = run("--help");
    assertEquals(0, help.code());
    for (String c : List.of("evaluate", "explain", "test-rules", "simulate", "serve", "snapshot", "mcp", "bench",
        "generate-completion")) {
      assertTrue(help.out().contains("  " + c + " "), c + " in\n" + help.out());
    }
    assertEquals(0, run("help", "explain").code());
    assertEquals(2, run().code());
  }

  @Test
  void the_completion_script_completes_the_commands() {
    Run r = run("generate-completion");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
    assertTrue(r.out().contains("evaluate") && r.out().contains("--fixtures"), "commands and their options are completed");
  }

  static Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  static Path copyRules(Path tmp) throws IOException {
    Path dir = tmp.resolve("rules");
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    return dir;
  }
}
