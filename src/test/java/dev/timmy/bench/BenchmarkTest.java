package dev.timmy.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark's text report on a small house: its figures are printed, never asserted, but they must be there and sane. */
class BenchmarkTest {
  @Test
  void the_report_gives_each_size_a_row_and_the_steady_cycle_fires_less_than_a_full_evaluation() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Benchmark(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0).run(Path.of("rules"), List.of(200), 1, false);
    String report = bytes.toString(StandardCharsets.UTF_8);
    Matcher row = Pattern.compile("(?m)^\\s+200\\s+(\\d+)\\s+[\\d.]+\\s+(\\d+)\\s").matcher(report);
    assertTrue(row.find(), report);
    int fullFirings = Integer.parseInt(row.group(2));
    Matcher steady = Pattern.compile("steady cycle of the live session .* at 200 issues: [\\d.]+ ms, (\\d+) firings").matcher(report);
    assertTrue(steady.find(), report);
    int steadyFirings = Integer.parseInt(steady.group(1));
    assertTrue(steadyFirings < fullFirings / 10, steadyFirings + " steady firings against " + fullFirings + " in full");
    assertTrue(report.contains("hot reload of the rules"), report);
  }
}
