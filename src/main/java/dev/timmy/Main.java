package dev.timmy;

import dev.timmy.cli.Args;
import dev.timmy.cli.Commands;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The entry point: {@code java -jar target/timmy.jar COMMAND [options]}. */
public final class Main {
  static final String HELP = """
      Timmy — the orchestrator of a small software house of AI agents.

      Usage: java -jar target/timmy.jar COMMAND [options]

      Commands:
        evaluate [--fixtures DIR] [--rules DIR] [--now ISO-8601] [--json]
            Rank, route and explain the backlog of a recorded house (default fixtures/demo).
        explain SUBJECT [--fixtures DIR] [--rules DIR] [--now ISO-8601] [--json]
            Why SUBJECT (owner/repo#N, model:NAME, loop:NAME…) has its priority, route and
            proposals, and why not the others.
        test-rules [--rules DIR] [--scenarios DIR]
            Run the policy scenarios (default fixtures/scenarios) against the rules.
        simulate --rules DIR [--against DIR] [--fixtures DIR] [--now ISO-8601] [--json]
            The decision diff of candidate rules against the live ones (default rules/).
        serve [--config FILE] [--port N] [--live]
            Run the cycle loop and the API (dry-run unless --live).
        snapshot --out DIR [--config FILE]
            Save a live Gitea sync as fixtures in the demo format.
        mcp [--config FILE | --rules DIR --fixtures DIR] [--admin]
            The MCP tools over stdio (demo house, evaluated once; or a running Timmy's journal).
            --admin allows simulate. The running server serves the same tools at POST /mcp.
        bench [--sizes 1000,10000,100000] [--runs N] [--rules DIR] [--json]
            Benchmark full evaluations on synthetic backlogs against a plain-Java floor.

      Exit codes: 0 ok · 1 failed (rule errors, failed scenarios, bad input) · 2 bad command line.
      """;

  private Main() {}

  public static void main(String[] argv) {
    System.exit(run(Arrays.asList(argv), System.out, System.err));
  }

  /** Runs one command; returns the exit code. */
  public static int run(List<String> argv, PrintStream out, PrintStream err) {
    if (argv.isEmpty() || argv.contains("--help") || argv.contains("-h") || argv.get(0).equals("help")) {
      out.print(HELP);
      return argv.isEmpty() ? 2 : 0;
    }
    try {
      return new Commands(out, err).run(argv.get(0), argv.subList(1, argv.size()));
    } catch (Args.UsageException e) {
      err.println("timmy: " + e.getMessage());
      err.println("Try: java -jar target/timmy.jar --help");
      return 2;
    }
  }
}
