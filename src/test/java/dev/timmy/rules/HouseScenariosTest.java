package dev.timmy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The house, model and loop rules against their scenario files, alone: the three .drl files
 * (plus a test stand-in for routing, so work can be routed to Timmy) are copied into a temporary
 * rules directory, so the other policy files cannot change the outcome.
 */
class HouseScenariosTest {
  static final List<String> FILES = List.of("house.drl", "models.drl", "loops.drl");
  static final List<String> FOLDERS = List.of("house", "models", "loops");

  @TempDir static Path rulesDir;
  static RuleBook book;

  @BeforeAll
  static void compile_the_house_rules() throws Exception {
    for (String f : FILES) Files.copy(Path.of("rules", f), rulesDir.resolve(f));
    try (var in = HouseScenariosTest.class.getResourceAsStream("/house-rules/test-routing.drl")) {
      Files.copy(in, rulesDir.resolve("test-routing.drl"));
    }
    book = RuleBook.open(rulesDir);
  }

  static List<Path> scenarioFiles() throws IOException {
    List<Path> all = new ArrayList<>();
    for (String folder : FOLDERS) {
      try (Stream<Path> files = Files.list(Path.of("fixtures/scenarios", folder))) {
        files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(all::add);
      }
    }
    return all;
  }

  @TestFactory
  Stream<DynamicTest> every_scenario_decides_as_it_expects() throws IOException {
    return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      HouseScenario s = HouseScenario.read(file);
      assertFalse(s.note().isBlank(), file + ": every scenario says why it exists (note)");
      Decision d = book.evaluate(s.given().snapshot());
      List<String> wrong = s.mismatches(d);
      assertTrue(wrong.isEmpty(), file + ":\n  " + String.join("\n  ", wrong));
    }));
  }

  @Test
  void every_house_rule_has_a_scenario_that_expects_it() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (Path f : scenarioFiles()) {
      HouseScenario s = HouseScenario.read(f);
      for (var list : List.of(s.expect().proposals(), s.expect().escalations(), s.expect().checks())) {
        list.forEach(i -> { if (i.ruleId() != null) expected.add(i.ruleId()); });
      }
    }
    Set<String> ids = new TreeSet<>();
    for (RuleInfo r : book.rules()) if (!r.id().startsWith("TEST-")) ids.add(r.id());
    ids.removeAll(expected);
    assertEquals(Set.of(), ids, "rules without a scenario expecting them");
  }

  @Test
  void every_rule_id_carries_its_files_prefix() {
    for (RuleInfo r : book.rules()) {
      String prefix = switch (r.file()) {
        case "house.drl" -> "HOUSE-";
        case "models.drl" -> "MODEL-";
        case "loops.drl" -> "LOOP-";
        default -> "TEST-";
      };
      assertTrue(r.id().startsWith(prefix), r.id() + " in " + r.file() + " should start with " + prefix);
    }
  }
}
