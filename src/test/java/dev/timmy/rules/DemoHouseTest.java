package dev.timmy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.decide.Decision;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RuleBook;
import dev.timmy.facts.Snapshot;
import dev.timmy.observe.House;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo house is a serialized {@link House}, and the house rules tell its story. */
class DemoHouseTest {
  static final Path DEMO = Path.of("fixtures/demo/house.json");
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void the_demo_house_is_exactly_a_house_as_json_mapper_writes_it() throws Exception {
    House house = Json.mapper().readValue(DEMO.toFile(), House.class);
    JsonNode file = Json.mapper().readTree(DEMO.toFile());
    assertEquals(file, Json.mapper().readTree(Json.mapper().writeValueAsString(house)), "no field missing, extra or renamed");
    assertEquals(38654705664L, house.host().memTotal());
    assertNull(house.ollamaDown());
    assertEquals(Set.of("ollama", "claude", "kimi"), house.processes().stream().map(p -> p.name()).collect(Collectors.toSet()));
  }

  @Test
  void the_house_rules_tell_the_demo_story(@TempDir Path rules) throws Exception {
    for (String f : HouseScenariosTest.FILES) Files.copy(Path.of("rules", f), rules.resolve(f));
    House h = Json.mapper().readValue(DEMO.toFile(), House.class);
    Snapshot s = Snapshot.ofBacklog(NOW, true, List.of(), null, List.of(), List.of(), List.of(), List.of())
        .withHouse(h.host(), h.disks(), h.processes(), h.models(), h.ollamaDown(), h.loops(), h.staleFiles(), h.quotas());

    Decision d = RuleBook.open(rules).evaluate(s);

    assertEquals(Set.of(
            "UNLOAD_MODEL model:qwen3:14b MODEL-005",
            "RESTART_LOOP loop:nightly-backup LOOP-003",
            "CREATE_ISSUE loop:ci-main LOOP-008",
            "DELETE_FILE file:/Users/alex/agents/logs/kimi-2026-10-08.log HOUSE-007",
            "DELETE_FILE file:/Volumes/Scratch/builds/game-bot-2026-11-12.log HOUSE-006"),
        d.proposals().stream().map(DemoHouseTest::say).collect(Collectors.toSet()));
    assertEquals(List.of("loop:heartbeat LOOP-004"), d.escalations().stream().map(DemoHouseTest::say).toList(),
        "the heartbeat was restarted twice already; memory is being freed, so no host escalation");
    ProposalItem issue = d.proposals().stream().filter(p -> p.kind().name().equals("CREATE_ISSUE")).findFirst().orElseThrow();
    assertEquals("alex/hermes-dashboard", issue.param("repo"));
    assertEquals("CI is red: ci-main", issue.param("title"));
    assertTrue(issue.param("body").contains("failure on ci/build"), issue.param("body"));
    assertEquals("CREATE_ISSUE:loop:ci-main:repo=alex/hermes-dashboard,title=CI is red: ci-main", issue.id(),
        "the key holds no time, so the issue is opened once");
  }

  static String say(ProposalItem p) {
    return p.kind() + " " + p.subject() + " " + p.ruleId();
  }

  static String say(EscalationItem e) {
    return e.subject() + " " + e.ruleId();
  }
}
