package dev.timmy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue titles as an attacker writes them, and rules that recurse: what reaches the terminal. */
class HostileTextTest {
  private static final String TITLE = "Keyboard shortcuts for switching panels";
  private static final String HOSTILE = "\\u001b[2J\\u001b]52;c;ZWNobyBwd25lZA==\\u0007Keyboard\\r\\u0007 \\u202eshortcuts";

  @TempDir Path dir;

  private Path hostileHouse() throws IOException {
    Path house = dir.resolve("demo");
    try (Stream<Path> all = Files.walk(Path.of("fixtures/demo"))) {
      for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
        Path to = house.resolve(Path.of("fixtures/demo").relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
    Path issues = house.resolve("gitea/alex/hermes-dashboard/issues.json");
    String json = Files.readString(issues);
    assertTrue(json.contains(TITLE));
    Files.writeString(issues, json.replace(TITLE, HOSTILE));
    return house;
  }

  private static void assertClean(String text) {
    for (char c : text.toCharArray()) {
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E);
      assertFalse(control, "control character U+" + Integer.toHexString(c) + " reached the terminal");
    }
  }

  @Test
  void evaluate_and_explain_print_no_escape_or_control_character_from_a_title() throws IOException {
    Path house = hostileHouse();
    CliTest.Run evaluate = CliTest.run("evaluate", "--fixtures", house.toString());
    assertEquals(0, evaluate.code(), evaluate.err());
    assertTrue(evaluate.out().contains("[2J") == false && evaluate.out().contains("Keyboard"), evaluate.out());
    assertClean(evaluate.out());

    String subject = null;
    for (String line : evaluate.out().split("\n")) {
      if (line.contains("Keyboard")) subject = line.trim().split("\\s+")[2];
    }
    CliTest.Run explain = CliTest.run("explain", subject, "--fixtures", house.toString());
    assertTrue(explain.out().contains("Keyboard"), explain.out());
    assertClean(explain.out());
  }

  @Test
  void a_rule_that_recurses_without_end_is_a_rule_error_with_its_name_and_exit_code_1() throws IOException {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    Files.writeString(rules.resolve("deep.drl"), """
        package timmy.policy;
        import dev.timmy.facts.*;
        import dev.timmy.decide.*;
        function int deeper(int n) { return deeper(n + 1) + 1; }
        rule "deep"
          @id("DEEP-001") @title("Recurse")
        when
          $i : Issue( )
        then
          insert(new ScorePart($i.subject(), deeper(0), "deep"));
        end
        """);
    CliTest.Run r = CliTest.run("evaluate", "--rules", rules.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("recursed without end in rule DEEP-001 \"Recurse\""), r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("StackOverflowError\n"), "no raw stack: " + r.err());
  }
}
