package dev.timmy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import dev.timmy.Sanitizer;
import dev.timmy.bench.Benchmark;
import dev.timmy.bench.JournalBench;
import dev.timmy.decide.Decision;
import dev.timmy.decide.DecisionDiff;
import dev.timmy.decide.Explanation;
import dev.timmy.decide.RuleBook;
import dev.timmy.config.Bundled;
import dev.timmy.decide.RuleErrors;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.Replay;
import dev.timmy.mcp.McpCommand;
import dev.timmy.derive.Derive;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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

  @Spec CommandSpec spec;

  /** Where a house and its rules come from, for the commands that evaluate one. */
  static final class House {
    @Option(names = "--fixtures", paramLabel = "DIR", defaultValue = Bundled.FIXTURES,
        description = "A recorded house (default: ${DEFAULT-VALUE}, or the bundled demo house when absent here).")
    String fixtures;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = Bundled.RULES,
        description = "The rules (default: ${DEFAULT-VALUE}, or the bundled rules when absent here).")
    String rules;

    @Option(names = "--now", paramLabel = "ISO-8601", description = "Evaluate as of this instant, e.g. 2026-11-23T09:00:00Z.")
    Instant now;
  }

  private Snapshot snapshot(String fixtures, Instant now) throws IOException {
    Snapshot s = DemoHouse.load(said(Bundled.fixtures(fixtures), "fixtures/demo/ (demo house)"));
    return Derive.from(now == null ? s : s.at(now));
  }

  private Snapshot snapshot(House h) throws IOException {
    return snapshot(h.fixtures, h.now);
  }

  /** The rules directory; the bundled rules (said on err) when the default one is absent here. */
  private Path rules(String dir) {
    return said(Bundled.rules(dir), "rules/");
  }

  private Path said(Bundled.Located l, String what) {
    if (l.bundled()) err.println("timmy: " + l.note(what));
    return l.path();
  }

  @Command(name = "evaluate", description = "Rank, route and explain the backlog of a recorded house.")
  int evaluate(@Mixin House house, @Option(names = "--json", description = "The whole decision as JSON.") boolean json)
      throws RuleErrors, IOException {
    Snapshot s = snapshot(house);
    Decision d = RuleBook.open(rules(house.rules)).evaluate(s);
    out.print(json ? json(d) : new TextReport(s).backlog(d));
    return 0;
  }

  @Command(name = "explain", description = {"Why SUBJECT (owner/repo#N, agent:NAME, model:NAME, loop:NAME, file:PATH, host)",
      "has its priority, route and proposals, and why not the others."})
  int explain(@Parameters(paramLabel = "SUBJECT", description = "e.g. alex/game-bot#3") String subject, @Mixin House house,
      @Option(names = "--json", description = "The explanation as JSON.") boolean json,
      @Option(names = "--cycle", paramLabel = "N", description = "As journaled cycle N decided it (its stored snapshot).")
      Long cycle,
      @Option(names = "--journal", paramLabel = "FILE", defaultValue = "timmy.db", description = "with --cycle (default: ${DEFAULT-VALUE})")
      Path journal) throws RuleErrors, IOException {
    Snapshot s;
    Decision d;
    if (cycle != null) {
      Replay r = Replay.of(ReplayReport.open(journal).reader(), RuleBook.open(rules(house.rules)), cycle);
      if (!r.sameRules()) err.println("timmy: " + ReplayReport.otherRules(r) + "; explaining the journaled decision");
      s = r.snapshot();
      d = r.sameRules() ? r.replayed() : r.journaled();
    } else {
      s = snapshot(house);
      d = RuleBook.open(rules(house.rules)).evaluate(s);
    }
    Explanation x = Explanation.of(d, subject);
    out.print(json ? json(x) : new TextReport(s).explain(x));
    return x.empty() ? 1 : 0;
  }

  @Command(name = "replay", description = {"Decide journaled cycle N again from its stored snapshot, with the rules of its",
      "revision, and show the diff against what the journal kept (exit 1 when the same rules decide otherwise)."})
  int replay(@Option(names = "--cycle", paramLabel = "N", required = true) long cycle,
      @Option(names = "--journal", paramLabel = "FILE", defaultValue = "timmy.db", description = "default: ${DEFAULT-VALUE}")
      Path journal,
      @Option(names = "--rules", paramLabel = "DIR", defaultValue = Bundled.RULES, description = "default: ${DEFAULT-VALUE}")
      String rules,
      @Option(names = "--json", description = "The replay (both decisions and the diff) as JSON.") boolean json)
      throws RuleErrors {
    Replay r = Replay.of(ReplayReport.open(journal).reader(), RuleBook.open(rules(rules)), cycle);
    out.print(json ? json(new ReplayReport.Wire(r)) : ReplayReport.render(r));
    return r.sameRules() && !r.equal() ? 1 : 0;
  }

  @Command(name = "test-rules", description = "Run the policy scenarios against the rules.")
  int testRules(
      @Option(names = "--rules", paramLabel = "DIR", defaultValue = Bundled.RULES, description = "default: ${DEFAULT-VALUE}") String rules,
      @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "fixtures/scenarios",
          description = "default: ${DEFAULT-VALUE}") Path scenarios) throws RuleErrors, IOException {
    ScenarioReport report = ScenarioRunner.open(rules(rules)).runAll(scenarios);
    report.lines().forEach(out::println);
    return report.ok() ? 0 : 1;
  }

  @Command(name = "simulate", description = "The decision diff of candidate rules against the live ones.")
  int simulate(
      @Option(names = "--rules", paramLabel = "DIR", required = true, description = "The candidate rules.") Path candidate,
      @Option(names = "--against", paramLabel = "DIR", defaultValue = Bundled.RULES, description = "default: ${DEFAULT-VALUE}")
      String live,
      @Option(names = "--fixtures", paramLabel = "DIR", defaultValue = Bundled.FIXTURES, description = "default: ${DEFAULT-VALUE}")
      String fixtures,
      @Option(names = "--now", paramLabel = "ISO-8601") Instant now,
      @Option(names = "--json") boolean json) throws RuleErrors, IOException {
    Snapshot s = snapshot(fixtures, now);
    DecisionDiff diff = DecisionDiff.between(RuleBook.open(rules(live)).evaluate(s), RuleBook.open(candidate).evaluate(s));
    out.print(json ? json(diff) : DiffReport.render(diff));
    return 0;
  }

  @Command(name = "serve", description = "Run the cycle loop and the API (dry-run unless --live).")
  int serve(@Option(names = "--config", paramLabel = "FILE", description = "timmy.yml (default: the bundled demo house)") Path config,
      @Option(names = "--port", paramLabel = "N", description = "overrides service.port; 0 picks a free port") Integer port,
      @Option(names = "--live", description = "act for real, within the authority limits") boolean live) {
    ServeOptions options = ServeOptions.defaults().live(live);
    if (port != null) options = options.port(port);
    return new Serve(Sanitizer.stream(out), Sanitizer.stream(err), System.getenv()).run(config, options);
  }

  @Command(name = "mcp", description = {"The MCP tools over stdio (the demo house, evaluated once; or a running Timmy's journal).",
      "The running server serves the same tools at POST /mcp."})
  int mcp(@Option(names = "--config", paramLabel = "FILE", description = "read a running Timmy's journal") Path config,
      @Option(names = "--rules", paramLabel = "DIR", description = "the demo house's rules (absolute: clients start us elsewhere)")
      Path rules,
      @Option(names = "--fixtures", paramLabel = "DIR", description = "the demo house (absolute)") Path fixtures,
      @Option(names = "--admin", description = "allow simulate (stdio has no token)") boolean admin) {
    if (config != null && (rules != null || fixtures != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "mcp: --rules and --fixtures pick the demo house; with --config the config names them");
    }
    // Only protocol on stdout: anything else printed there goes to stderr.
    PrintStream protocol = out;
    if (out == System.out) System.setOut(err);
    return new McpCommand(err, System.getenv()).run(config, rules, fixtures, admin, System.in, protocol);
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
      @Option(names = "--rules", paramLabel = "DIR", defaultValue = Bundled.RULES, description = "default: ${DEFAULT-VALUE}") String rules,
      @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "uncounted runs per size first; default: ${DEFAULT-VALUE}") int warmup,
      @Option(names = "--json", description = "The medians as JSON.") boolean json,
      @Option(names = "--journal", description = "Journal bytes per cycle (first, steady, 1% changed) instead.") boolean journal)
      throws RuleErrors, IOException {
    if (journal) new JournalBench(out).run(rules(rules), sizes, runs, json);
    else new Benchmark(out, warmup).run(rules(rules), sizes, runs, json);
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
