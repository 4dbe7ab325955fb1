package dev.timmy.cli;

import dev.timmy.Sanitizer;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import dev.timmy.config.Bundled;
import dev.timmy.decide.Decision;
import dev.timmy.decide.DecisionDiff;
import dev.timmy.decide.EvaluationException;
import dev.timmy.decide.Explanation;
import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleError;
import dev.timmy.decide.RuleErrors;
import dev.timmy.facts.Snapshot;
import dev.timmy.bench.Benchmark;
import dev.timmy.mcp.McpCommand;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The CLI commands. Each returns an exit code; decisions go to out, problems to err. */
public final class Commands {
  private final PrintStream out;
  private final PrintStream err;

  public Commands(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public int run(String command, List<String> words) {
    try {
      return switch (command) {
        case "evaluate" -> evaluate(Args.parse(words, Set.of("fixtures", "rules", "now"), Set.of("json")));
        case "explain" -> explain(Args.parse(words, Set.of("fixtures", "rules", "now"), Set.of("json")));
        case "simulate" -> simulate(Args.parse(words, Set.of("fixtures", "rules", "against", "now"), Set.of("json")));
        case "test-rules" -> testRules(Args.parse(words, Set.of("rules", "scenarios"), Set.of()));
        case "bench" -> bench(Args.parse(words, Set.of("rules", "sizes", "runs"), Set.of("json")));
        case "serve" -> serve(Args.parse(words, Set.of("config", "port"), Set.of("live")));
        case "snapshot" -> recordSnapshot(Args.parse(words, Set.of("config", "out"), Set.of()));
        case "mcp" -> mcp(Args.parse(words, Set.of("config", "rules", "fixtures"), Set.of("admin")));
        default -> throw new Args.UsageException("unknown command " + command);
      };
    } catch (RuleErrors e) {
      err.println("timmy: the rules do not compile:");
      for (RuleError r : e.errors()) err.println(Sanitizer.terminal(r.toString()));
      return 1;
    } catch (EvaluationException e) {
      err.println("timmy: evaluation failed: " + Sanitizer.terminal(e.getMessage()));
      return 1;
    } catch (IOException e) {
      err.println("timmy: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("timmy: " + e.getMessage());
      return 1;
    }
  }

  private int testRules(Args a) throws RuleErrors, IOException {
    ScenarioRunner runner = ScenarioRunner.open(rules(a.get("rules", Bundled.RULES)));
    ScenarioReport report = runner.runAll(Path.of(a.get("scenarios", "fixtures/scenarios")));
    report.lines().forEach(out::println);
    return report.ok() ? 0 : 1;
  }

  private int bench(Args a) throws RuleErrors, IOException {
    List<Integer> sizes = new ArrayList<>();
    for (String n : a.get("sizes", "1000,10000,100000").split(",")) {
      try {
        sizes.add(Integer.parseInt(n.trim()));
      } catch (NumberFormatException e) {
        throw new Args.UsageException("--sizes: expected numbers separated by commas, found " + n);
      }
    }
    new Benchmark(out).run(rules(a.get("rules", Bundled.RULES)), sizes, a.getInt("runs", 15), a.has("json"));
    return 0;
  }

  private int evaluate(Args a) throws RuleErrors, IOException {
    Snapshot s = snapshot(a);
    Decision d = RuleBook.open(rules(a.get("rules", Bundled.RULES))).evaluate(s);
    out.print(a.has("json") ? json(d) : new TextReport(s).backlog(d));
    return 0;
  }

  private int explain(Args a) throws RuleErrors, IOException {
    if (a.positionals().size() != 1) throw new Args.UsageException("explain needs one SUBJECT, e.g. alex/game-bot#3");
    Snapshot s = snapshot(a);
    Decision d = RuleBook.open(rules(a.get("rules", Bundled.RULES))).evaluate(s);
    Explanation x = Explanation.of(d, a.positionals().get(0));
    out.print(a.has("json") ? json(x) : new TextReport(s).explain(x));
    return x.empty() ? 1 : 0;
  }

  private int simulate(Args a) throws RuleErrors, IOException {
    if (!a.has("rules")) throw new Args.UsageException("simulate needs --rules DIR (the candidate rules)");
    Snapshot s = snapshot(a);
    Decision live = RuleBook.open(rules(a.get("against", Bundled.RULES))).evaluate(s);
    Decision candidate = RuleBook.open(Path.of(a.get("rules", ""))).evaluate(s);
    DecisionDiff diff = DecisionDiff.between(live, candidate);
    out.print(a.has("json") ? json(diff) : DiffReport.render(diff));
    return 0;
  }

  private int serve(Args a) {
    ServeOptions options = ServeOptions.defaults().live(a.has("live"));
    if (a.has("port")) options = options.port(a.getInt("port", 0));
    return new Serve(Sanitizer.stream(out), Sanitizer.stream(err), System.getenv()).run(configFile(a), options);
  }

  /** The MCP tools over stdio: only protocol on stdout, so anything else printed there goes to stderr. */
  private int mcp(Args a) {
    if (a.has("config") && (a.has("rules") || a.has("fixtures"))) {
      throw new Args.UsageException("mcp: --rules and --fixtures pick the demo house; with --config the config names them");
    }
    PrintStream protocol = out;
    if (out == System.out) System.setOut(err);
    return new McpCommand(err, System.getenv()).run(configFile(a), path(a, "rules"), path(a, "fixtures"), a.has("admin"),
        System.in, protocol);
  }

  private static Path path(Args a, String name) {
    return a.has(name) ? Path.of(a.get(name, "")) : null;
  }

  private int recordSnapshot(Args a) throws IOException {
    if (!a.has("out")) throw new Args.UsageException("snapshot needs --out DIR (where to write the recording)");
    try {
      new SnapshotCommand(out, System.getenv(), InstantSource.system()).record(configFile(a), Path.of(a.get("out", "")));
      return 0;
    } catch (ServiceException e) {
      e.problems().forEach(p -> err.println("timmy: " + p));
      return 1;
    }
  }

  private static Path configFile(Args a) {
    return a.has("config") ? Path.of(a.get("config", "")) : null;
  }

  /** The rules directory; the bundled rules (said on err) when the default one is absent here. */
  private Path rules(String dir) {
    return said(Bundled.rules(dir), "rules/");
  }

  private Path said(Bundled.Located l, String what) {
    if (l.bundled()) err.println("timmy: " + l.note(what));
    return l.path();
  }

  private Snapshot snapshot(Args a) throws IOException {
    Snapshot s = DemoHouse.load(said(Bundled.fixtures(a.get("fixtures", Bundled.FIXTURES)), "fixtures/demo/ (demo house)"));
    if (a.has("now")) {
      try {
        s = s.at(Instant.parse(a.get("now", "")));
      } catch (DateTimeParseException e) {
        throw new Args.UsageException("--now: expected an ISO-8601 instant like 2026-11-23T09:00:00Z, found " + a.get("now", ""));
      }
    }
    return s;
  }

  static String json(Object value) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
