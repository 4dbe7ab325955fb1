package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLintTest {
  @TempDir Path dir;

  private static final String HEAD = "package timmy.test;\n"   // 1
      + "import dev.timmy.facts.*;\n"                         // 2
      + "import dev.timmy.decide.*;\n";                       // 3

  private static String rule(String id, String lhs, String rhs) {
    return "rule \"" + id + "\"\n  @id(\"" + id + "\") @title(\"" + id + "\")\nwhen\n  " + lhs + "\nthen\n  " + rhs + "\nend\n";
  }

  private RuleErrors refused(String drl) throws IOException {
    Files.writeString(dir.resolve("lint.drl"), drl);
    return assertThrows(RuleErrors.class, () -> RuleBook.open(dir));
  }

  @Test
  void a_rule_matching_a_check_name_no_rule_produces_is_an_error_with_its_line() throws IOException {
    RuleErrors e = refused(HEAD
        + rule("L-001", "$i : Issue($s : subject())", "insertLogical(new Check($s, \"stale\", true, \"idle\"));")
        // line 14 of the file: the typo'd name (3 of head, 7 of the first rule, then rule, @id, when)
        + rule("L-002", "Check($s : subject, name == \"stael\", ok == true)", "insertLogical(new Escalation($s, \"x\"));"));
    assertEquals(1, e.errors().size(), e.getMessage());
    RuleError only = e.errors().get(0);
    assertEquals("lint.drl", only.file());
    assertEquals(14, only.line());
    assertTrue(only.message().contains("\"stael\""), only.message());
  }

  @Test
  void a_rule_matching_a_derived_fact_no_rule_inserts_is_an_error() throws IOException {
    RuleErrors e = refused(HEAD
        + rule("L-001", "$i : Issue($s : subject())\n  Ineligible(subject == $s)", "insertLogical(new Escalation($s, \"x\"));"));
    assertEquals(List.of(new RuleError("lint.drl", 8, "a rule matches Ineligible but no rule inserts one")), e.errors());
  }

  @Test
  void names_built_with_a_literal_prefix_and_facts_java_inserts_satisfy_the_lint() throws Exception {
    Files.writeString(dir.resolve("ok.drl"), HEAD
        + rule("L-001", "$d : Disk($m : mount)", "insertLogical(new Check(\"host\", \"disk-short:\" + $m, true, \"low\"));")
        + rule("L-002", "Check(name == \"disk-short:/\")\n  Ranked($s : subject)\n  // Check(name == \"in a comment\")",
            "insertLogical(new Escalation($s, \"x\"));"));
    assertEquals(2, RuleBook.open(dir).rules().size());
  }
}
