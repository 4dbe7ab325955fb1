package dev.timmy.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The default policy in rules/ against every scenario in fixtures/scenarios: one test per file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenariosTest {
  private static final Path RULES = Path.of("rules");
  private static final Path SCENARIOS = Path.of("fixtures/scenarios");

  private final ScenarioRunner runner;

  ScenariosTest() throws Exception {
    runner = ScenarioRunner.open(RULES);
  }

  @TestFactory
  Stream<DynamicTest> every_scenario_meets_its_expectations() throws IOException {
    List<Path> files = ScenarioLoader.find(SCENARIOS);
    assertFalse(files.isEmpty(), "no scenario files under " + SCENARIOS.toAbsolutePath());
    return files.stream().map(file -> DynamicTest.dynamicTest(SCENARIOS.relativize(file).toString(), file.toUri(), () -> {
      ScenarioResult result = runner.run(ScenarioLoader.load(file));
      assertTrue(result.passed(), () -> file + " — " + result.note() + "\n  ✘ " + String.join("\n  ✘ ", result.failures()));
    }));
  }

  @Test
  void a_merge_rule_that_forgets_ci_is_caught_by_the_scenarios(@TempDir Path copy) throws Exception {
    try (Stream<Path> files = Files.list(RULES)) {
      for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
    }
    Path lifecycle = copy.resolve("lifecycle.drl");
    String green = "    Check(subject == $s, name == \"green\", ok == true)\n";
    String drl = Files.readString(lifecycle);
    assertTrue(drl.contains(green), "LIFE-003 no longer requires the green check in the way this test expects");
    Files.writeString(lifecycle, drl.replace(green, ""));

    ScenarioReport report = ScenarioRunner.open(copy).runAll(SCENARIOS);

    List<String> failed = report.results().stream().filter(r -> !r.passed())
        .map(r -> SCENARIOS.relativize(r.file()).toString()).toList();
    assertTrue(failed.contains("stories/11-pull-requests.yml"), failed::toString);
    assertTrue(failed.contains("lifecycle/not-merged.yml"), failed::toString);
  }

  @Test
  void every_rule_in_rules_is_named_by_some_scenario() throws Exception {
    List<Scenario> all = new ArrayList<>();
    for (Path file : ScenarioLoader.find(SCENARIOS)) all.add(ScenarioLoader.load(file));
    assertEquals(List.of(), ScenarioRunner.coverage(runner.book(), all),
        "these rule ids have no scenario under " + SCENARIOS + " that names them");
  }
}
