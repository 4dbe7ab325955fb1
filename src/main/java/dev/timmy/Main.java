package dev.timmy;

import dev.timmy.cli.Cli;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The entry point: {@code java -jar target/timmy.jar COMMAND [options]}. */
public final class Main {
  private Main() {}

  public static void main(String[] argv) {
    System.exit(run(Arrays.asList(argv), System.out, System.err));
  }

  /** Runs one command; returns the exit code (see {@link Cli}). */
  public static int run(List<String> argv, PrintStream out, PrintStream err) {
    return Cli.run(argv, out, err);
  }
}
