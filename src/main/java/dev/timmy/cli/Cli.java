package dev.timmy.cli;

import dev.timmy.Sanitizer;
import dev.timmy.decide.EvaluationException;
import dev.timmy.decide.RuleError;
import dev.timmy.decide.RuleErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The command line: picocli parses it (exit 2 with the reason, and a suggestion for a typo, when
 * it cannot) and runs a {@link Commands} method; what a command fails with is said in one line
 * (rule errors as {@code file:line: message}) and is exit 1.
 */
public final class Cli {
  private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

  private Cli() {}

  /** Runs {@code argv}; returns the exit code. No arguments at all prints the usage and is exit 2. */
  public static int run(List<String> argv, PrintStream out, PrintStream err) {
    CommandLine cl = commandLine(out, err);
    if (argv.isEmpty()) {
      cl.usage(out);
      return CommandLine.ExitCode.USAGE;
    }
    return cl.execute(argv.toArray(String[]::new));
  }

  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new Commands(out, err));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.registerConverter(Instant.class, Cli::instant);
    cl.setExecutionExceptionHandler((e, line, parsed) -> failed(e, err, parsed));
    return cl;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("expected an ISO-8601 instant like 2026-11-23T09:00:00Z, found " + text);
    }
  }

  private static int failed(Exception e, PrintStream err, ParseResult parsed) {
    if (e instanceof RuleErrors r) {
      err.println("timmy: the rules do not compile:");
      for (RuleError x : r.errors()) err.println(Sanitizer.terminal(x.toString()));
    } else if (e instanceof EvaluationException) {
      err.println("timmy: evaluation failed: " + Sanitizer.terminal(e.getMessage()));
    } else if (e instanceof IOException || e instanceof IllegalArgumentException) {
      err.println("timmy: " + Sanitizer.terminal(e.getMessage()));
    } else {
      // A bug: said in one line here, with its stack in the log.
      LOG.error("{} failed", parsed.subcommand() == null ? "timmy" : parsed.subcommand().commandSpec().name(), e);
      err.println("timmy: internal error: " + e.getClass().getSimpleName() + ": " + Sanitizer.terminal(String.valueOf(e.getMessage())));
    }
    return CommandLine.ExitCode.SOFTWARE;
  }
}
