package dev.timmy.scenarios;

import dev.timmy.decide.Decision;
import dev.timmy.decide.EvaluationException;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleErrors;
import dev.timmy.decide.RuleInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs scenarios — given a snapshot, expect these proposals, vetoes, routes… — against one
 * compiled rule book. Each scenario is evaluated in a fresh session, like a real cycle.
 */
public final class ScenarioRunner {
  private final RuleBook book;

  public ScenarioRunner(RuleBook book) {
    this.book = book;
  }

  /** Compiles {@code rulesDir} once; fails with every rule error (file:line) when it does not compile. */
  public static ScenarioRunner open(Path rulesDir) throws RuleErrors {
    return new ScenarioRunner(RuleBook.open(rulesDir));
  }

  public RuleBook book() {
    return book;
  }

  /** Loads and runs every scenario under {@code dir} (recursively); a file that does not load is a failure. */
  public ScenarioReport runAll(Path dir) throws IOException {
    List<ScenarioResult> results = new ArrayList<>();
    List<Scenario> loaded = new ArrayList<>();
    for (Path file : ScenarioLoader.find(dir)) {
      try {
        Scenario s = ScenarioLoader.load(file);
        loaded.add(s);
        results.add(run(s));
      } catch (ScenarioException e) {
        results.add(new ScenarioResult(file, "", List.of(e.getMessage())));
      }
    }
    return new ScenarioReport(book.revision(), dir, results, coverage(book, loaded));
  }

  public ScenarioResult run(Scenario scenario) {
    Decision decision;
    try {
      decision = book.evaluate(scenario.snapshot());
    } catch (EvaluationException e) {
      return new ScenarioResult(scenario.file(), scenario.note(), List.of("evaluation failed: " + e.getMessage()));
    }
    List<String> unmet = new ArrayList<>();
    // A misspelt id would make an "absent" expectation pass for the wrong reason.
    Set<String> known = book.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
    for (String id : scenario.ruleIds()) {
      if (!known.contains(id)) unmet.add("names rule " + id + ", which no rule in " + book.dir() + " has as @id");
    }
    scenario.expectations().stream().map(x -> x.unmetBy(decision)).flatMap(Optional::stream).forEach(unmet::add);
    return new ScenarioResult(scenario.file(), scenario.note(), unmet);
  }

  /** The ids of the book's rules that no scenario's expectations name, in id order. */
  public static List<String> coverage(RuleBook book, Collection<Scenario> scenarios) {
    Set<String> named = new HashSet<>();
    for (Scenario s : scenarios) named.addAll(s.ruleIds());
    return book.rules().stream().map(RuleInfo::id).filter(id -> !named.contains(id)).sorted().toList();
  }
}
