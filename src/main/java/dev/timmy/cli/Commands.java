package dev.timmy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import dev.timmy.bench.Benchmark;
import dev.timmy.decide.Decision;
import dev.timmy.decide.DecisionDiff;
import dev.timmy.decide.Explanation;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleErrors;
import dev.timmy.facts.Snapshot;
import dev.timmy.observe.DemoHouse;
import dev.timmy.scenarios.ScenarioReport;
import dev.timmy.scenarios.ScenarioRunner;
import dev.timmy.service.Serve;
import dev.timmy.service.ServeOptions;
import dev.timmy.service.ServiceException;
import dev.timmy.service.SnapshotCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The CLI commands, declared for picocli (help, "did you mean" on typos, shell completion). Each
 * returns an exit code; decisions go to out, problems to err. Failures of the rules, the input or
 * the evaluation are mapped to exit code 1 by {@link Cli}; a command line picocli cannot parse is 2.
 */
@Command(name = "timmy", mixinStandardHelpOptions = true, version = "timmy 0.1.0",
    description = "The orchestrator of a small software house of AI agents.",
    subcommands = {HelpCommand.class, AutoComplete.GenerateCompletion.class},
    footer = {"", "Exit codes: 0 ok · 1 failed (rule errors, failed scenarios, bad input) · 2 bad command line."})
public final class Commands {
  private final PrintStream out;
  private final PrintStream err;

  public Commands(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Where a house and its rules come from, for the commands that evaluate one. */
  static final class House {
    @Option(names = "--fixtures", paramLabel = "DIR", description = "A recorded house (default: ${DEFAULT-VALUE}).",
        defaultValue = "fixtures/demo")
    Path fixtures;

    @Option(names = "--rules", paramLabel = "DIR", description = "The rules (default: ${DEFAULT-VALUE}).", defaultValue = "rules")
    Path rules;

    @Option(names = "--now", paramLabel = "ISO-8601", description = "Evaluate as of this instant, e.g. 2026-11-23T09:00:00Z.")
    Instant now;

    Snapshot snapshot() throws IOException {
      Snapshot s = DemoHouse.load(fixtures);
      return now == null ? s : s.at(now);
    }

    Decision decide(Snapshot s) throws RuleErrors {
      return RuleBook.open(rules).evaluate(s);
    }
  }

  @Command(name = "evaluate", description = "Rank, route and explain the backlog of a recorded house.")
  int evaluate(@Mixin House house, @Option(names = "--json", description = "The whole decision as JSON.") boolean json)
      throws RuleErrors, IOException {
    Snapshot s = house.snapshot();
    Decision d = house.decide(s);
    out.print(json ? json(d) : new TextReport(s).backlog(d));
    return 0;
  }

  @Command(name = "explain", description = {"Why SUBJECT (owner/repo#N, agent:NAME, model:NAME, loop:NAME, file:PATH, host)",
      "has its priority, route and proposals, and why not the others."})
  int explain(@Parameters(paramLabel = "SUBJECT", description = "e.g. alex/game-bot#3") String subject, @Mixin House house,
      @Option(names = "--json", description = "The explanation as JSON.") boolean json) throws RuleErrors, IOException {
    Snapshot s = house.snapshot();
    Explanation x = Explanation.of(house.decide(s), subject);
    out.print(json ? json(x) : new TextReport(s).explain(x));
    return x.empty() ? 1 : 0;
  }

  @Command(name = "test-rules", description = "Run the policy scenarios against the rules.")
  int testRules(
      @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "default: ${DEFAULT-VALUE}") Path rules,
      @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "fixtures/scenarios",
          description = "default: ${DEFAULT-VALUE}") Path scenarios) throws RuleErrors, IOException {
    ScenarioReport report = ScenarioRunner.open(rules).runAll(scenarios);
    report.lines().forEach(out::println);
    return report.ok() ? 0 : 1;
  }

  @Command(name = "simulate", description = "The decision diff of candidate rules against the live ones.")
  int simulate(
      @Option(names = "--rules", paramLabel = "DIR", required = true, description = "The candidate rules.") Path candidate,
      @Option(names = "--against", paramLabel = "DIR", defaultValue = "rules", description = "default: ${DEFAULT-VALUE}") Path live,
      @Option(names = "--fixtures", paramLabel = "DIR", defaultValue = "fixtures/demo", description = "default: ${DEFAULT-VALUE}")
      Path fixtures,
      @Option(names = "--now", paramLabel = "ISO-8601") Instant now,
      @Option(names = "--json") boolean json) throws RuleErrors, IOException {
    Snapshot s = DemoHouse.load(fixtures);
    if (now != null) s = s.at(now);
    DecisionDiff diff = DecisionDiff.between(RuleBook.open(live).evaluate(s), RuleBook.open(candidate).evaluate(s));
    out.print(json ? json(diff) : DiffReport.render(diff));
    return 0;
  }

  @Command(name = "serve", description = "Run the cycle loop and the API (dry-run unless --live).")
  int serve(@Option(names = "--config", paramLabel = "FILE", description = "timmy.yml (default: the bundled demo house)") Path config,
      @Option(names = "--port", paramLabel = "N", description = "overrides service.port; 0 picks a free port") Integer port,
      @Option(names = "--live", description = "act for real, within the authority limits") boolean live) {
    ServeOptions options = ServeOptions.defaults().live(live);
    if (port != null) options = options.port(port);
    return new Serve(out, err, System.getenv()).run(config, options);
  }

  @Command(name = "snapshot", description = "Save a live Gitea sync as fixtures in the demo format.")
  int snapshot(@Option(names = "--out", paramLabel = "DIR", required = true, description = "where to write the recording") Path dir,
      @Option(names = "--config", paramLabel = "FILE") Path config) throws IOException {
    try {
      new SnapshotCommand(out, System.getenv(), InstantSource.system()).record(config, dir);
      return 0;
    } catch (ServiceException e) {
      e.problems().forEach(p -> err.println("timmy: " + p));
      return 1;
    }
  }

  @Command(name = "bench", description = "Benchmark full evaluations on synthetic backlogs against a plain-Java floor.")
  int bench(@Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "1000,10000,100000",
          description = "default: ${DEFAULT-VALUE}") List<Integer> sizes,
      @Option(names = "--runs", paramLabel = "N", defaultValue = "15", description = "default: ${DEFAULT-VALUE}") int runs,
      @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "default: ${DEFAULT-VALUE}") Path rules)
      throws RuleErrors, IOException {
    new Benchmark(out).run(rules, sizes, runs);
    return 0;
  }

  static String json(Object value) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
