package dev.timmy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.config.JournalConfig;
import dev.timmy.config.ServiceConfig;
import dev.timmy.config.TimmyConfig;
import dev.timmy.decide.RuleBook;
import dev.timmy.derive.Derive;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import dev.timmy.observe.DemoHouse;
import dev.timmy.service.ServeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules written as a hostile user would, through simulate and on disk: refused at compile time
 * when they reach outside the facts, stopped at the deadline (2 s here) when they spin, named when
 * they recurse; the server, the live rules and health stay true throughout.
 */
class HostileRulesTest {
  @TempDir Path dir;
  private Path rules;
  private Harness h;

  /** A cold JVM's first evaluation is slow on a loaded machine; warm it so the short deadline measures rules only. */
  @BeforeAll
  static void warm() throws Exception {
    RuleBook.open(Path.of("rules"), Duration.ofMinutes(2)).evaluate(Derive.from(DemoHouse.load(Path.of("fixtures/demo"))));
  }

  @BeforeEach
  void serve() throws Exception {
    rules = Harness.copyOfRules(dir.resolve("rules"));
    TimmyConfig d = Harness.demoConfig(dir.resolve("timmy.db"), rules);
    TimmyConfig config = new TimmyConfig(d.owner(), d.agents(), null, null,
        new ServiceConfig(8377, "127.0.0.1", 3600, false, rules.toString(), "fixtures/demo", false, 2), d.budgets(),
        new JournalConfig(dir.resolve("timmy.db").toString(), 30));
    h = Harness.startDeciding(config, Harness.secrets(), ServeOptions.defaults());
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static String rule(String id, String rhs) {
    return "package timmy.policy;\nimport dev.timmy.facts.*;\nimport dev.timmy.decide.*;\n"
        + "function int deeper(int n) { return deeper(n + 1) + 1; }\n"
        + "rule \"hostile " + id + "\"\n  @id(\"" + id + "\") @title(\"Hostile " + id + "\")\nwhen\n  $i : Issue( )\nthen\n  "
        + rhs + "\nend\n";
  }

  private Harness.Reply simulate(String drl) throws Exception {
    return h.admin("/api/simulate", Json.mapper().writeValueAsString(Map.of("files", Map.of("hostile.drl", drl))));
  }

  @Test
  void simulate_refuses_rules_that_read_secrets_files_or_run_commands_and_leaks_nothing() throws Exception {
    for (String rhs : new String[] {
        "insert(new ScorePart($i.subject(), 1, System.getenv(\"TIMMY_ADMIN_TOKEN\")));",
        "insert(new ScorePart($i.subject(), 1, java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\"))));",
        "Runtime.getRuntime().exec(new String[] {\"touch\", \"" + dir.resolve("pwned") + "\"});",
        "System.exit(3);"}) {
      Harness.Reply r = simulate(rule("H-001", rhs));
      assertEquals(422, r.code(), rhs + " → " + r.body());
      assertEquals("rules_invalid", r.json().get("code").asText());
      assertTrue(r.json().get("message").asText().contains("hostile.drl:10: `"), r.body());
      assertFalse(r.body().contains(Harness.ADMIN_TOKEN), "no secret in the answer");
    }
    assertFalse(Files.exists(dir.resolve("pwned")));
    assertEquals(200, h.get("/api/health").code(), "the server is still up");
  }

  @Test
  void simulate_stops_a_spinning_rule_at_the_deadline_and_names_it() throws Exception {
    long t0 = System.nanoTime();
    Harness.Reply r = simulate(rule("H-002", "while ($i != null) { }"));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(422, r.code(), r.body());
    assertEquals("evaluation_failed", r.json().get("code").asText());
    String message = r.json().get("message").asText();
    assertTrue(message.contains("past its deadline of 2 s in rule H-002 \"Hostile H-002\""), message);
    // The message proves the deadline fired; the bound only says the spin did not hold the request
    // (it includes compiling the candidate rules, which takes >10 s on a loaded 2-core machine).
    assertTrue(seconds < 60, "answered in " + seconds + " s");
    assertEquals("ok", h.get("/api/health").json().get("status").asText(), "the live rules are untouched");
  }

  @Test
  void simulate_names_the_rule_that_recurses_without_end() throws Exception {
    Harness.Reply r = simulate(rule("H-003", "insert(new ScorePart($i.subject(), deeper(0), \"deep\"));"));
    assertEquals(422, r.code(), r.body());
    String message = r.json().get("message").asText();
    assertTrue(message.contains("recursed without end in rule H-003"), message);
    assertFalse(message.contains("\tat "), "no stack trace");
  }

  @Test
  void a_spinning_rule_on_disk_fails_its_cycle_by_name_and_the_last_good_revision_serves_again() throws Exception {
    String good = h.service.rules().revision();
    Files.writeString(rules.resolve("hostile.drl"), rule("H-004", "while ($i != null) { }"));

    long id = h.service.loop().triggerNow("test").get(60, TimeUnit.SECONDS).id();
    JsonNode cycle = h.get("/api/cycles/" + id).json().get("cycle");
    assertEquals("FAILED", cycle.get("status").asText(), cycle.toString());
    assertTrue(cycle.get("error").asText().contains("past its deadline of 2 s in rule H-004"), cycle.toString());

    JsonNode health = h.get("/api/health").json();
    assertEquals("degraded", health.get("status").asText());
    assertTrue(health.get("rules").get("overdue").asText().contains("H-004"), health.toString());
    JsonNode error = health.get("rules").get("errors").get(0);
    assertEquals("hostile.drl", error.get("file").asText());
    assertEquals(5, error.get("line").asInt());
    assertEquals(good, health.get("rules").get("revision").asText());

    CycleRow next = h.service.loop().triggerNow("test").get(60, TimeUnit.SECONDS);
    assertEquals(CycleStatus.OK, next.status());
    assertEquals(good, next.rulesRevision());
  }

  @Test
  void the_service_stops_within_seconds_while_a_rule_spins_whatever_its_deadline() throws Exception {
    h.close();
    TimmyConfig d = Harness.demoConfig(dir.resolve("timmy.db"), rules);
    h = Harness.startDeciding(new TimmyConfig(d.owner(), d.agents(), null, null,
        new ServiceConfig(8377, "127.0.0.1", 3600, false, rules.toString(), "fixtures/demo", false, 120), d.budgets(),
        new JournalConfig(dir.resolve("timmy.db").toString(), 30)), Harness.secrets(), ServeOptions.defaults());
    Files.writeString(rules.resolve("hostile.drl"), rule("H-005", "while ($i != null) { }"));
    Set<Thread> before = evaluationThreads();
    h.service.loop().triggerNow("test");
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (evaluationThreads().stream().allMatch(before::contains)) {
      assertTrue(System.nanoTime() < until, "the spinning evaluation never started");
      Thread.sleep(20);
    }
    Thread.sleep(200);
    long t0 = System.nanoTime();
    h.service.close();
    assertTrue(h.service.awaitClosed(Duration.ofSeconds(60)));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(seconds < 5, "stopped in " + seconds + " s, with 120 s of deadline left");
  }

  private static Set<Thread> evaluationThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("timmy-evaluation-")).collect(Collectors.toSet());
  }
}
