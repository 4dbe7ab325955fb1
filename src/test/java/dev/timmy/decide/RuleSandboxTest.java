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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleSandboxTest {
  @TempDir Path dir;

  /** A rule whose consequence (line 9 of the file) is {@code rhs}. */
  private static String ruleWith(String imports, String rhs) {
    return "package timmy.test;\n"                 // 1
        + "import dev.timmy.facts.*;\n"           // 2
        + "import dev.timmy.decide.*;\n"          // 3
        + imports + "\n"                          // 4
        + "rule \"hostile\"\n"                    // 5
        + "  @id(\"H-001\") @title(\"Hostile\")\n" // 6
        + "when\n"                                // 7
        + "  $i : Issue( )\n"                     // 8
        + "then\n  " + rhs + "\n"                 // 9, 10
        + "end\n";
  }

  private RuleErrors refused(String drl) throws IOException {
    Files.writeString(dir.resolve("hostile.drl"), drl);
    return assertThrows(RuleErrors.class, () -> RuleBook.open(dir));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "System.exit(3);",
      "Runtime.getRuntime().exec(\"id\");",
      "new ProcessBuilder(\"id\").start();",
      "String t = System.getenv(\"TIMMY_ADMIN_TOKEN\");",
      "String p = System.getProperty(\"user.home\");",
      "new Thread(() -> {}).start();",
      "Object o = $i.getClass().getClassLoader();",
      "Class<?> c = Class.forName(\"java.lang.Runtime\");",
      "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/hostname\"));",
      "new java.io.FileWriter(\"/tmp/pwned\").close();",
      "new java.net.Socket(\"127.0.0.1\", 22);",
      "drools.getKieRuntime().halt();",
      "kcontext.getKieRuntime().insert($i);",
      "java.lang.reflect.Method m = null;",
      "Object o = String.class;",
      "$i.labels().parallelStream().count();",
      "java.util.concurrent.Executors.newCachedThreadPool();",
      "ProcessHandle.current().destroy();",
      "javax.script.ScriptEngineManager m = null;"})
  void a_consequence_that_reaches_outside_the_facts_is_refused_with_its_line(String rhs) throws IOException {
    RuleErrors e = refused(ruleWith("", rhs));
    assertTrue(e.errors().stream().allMatch(x -> x.file().equals("hostile.drl") && x.line() == 10), e.getMessage());
    assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "import java.io.File;",
      "import java.lang.Runtime;",
      "import static java.lang.System.exit;",
      "import java.util.concurrent.Executors;",
      "import dev.timmy.decide.RuleBook;",
      "import accumulate org.example.Evil evil;",
      "import function java.lang.System.exit;",
      "global java.util.List leak;",
      "import java.lang.reflect.*;"})
  void an_import_or_global_outside_the_allow_list_is_refused_with_its_line(String imports) throws IOException {
    RuleErrors e = refused(ruleWith(imports, "insert(new ScorePart($i.subject(), 1, \"x\"));"));
    assertEquals(4, e.errors().get(0).line(), e.getMessage());
    assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
  }

  @Test
  void a_function_body_is_checked_like_a_consequence() throws IOException {
    String drl = ruleWith("function String leak() {\n  return System.getenv(\"TIMMY_WEBHOOK_SECRET\");\n}",
        "insert(new ScorePart($i.subject(), 1, leak()));");
    RuleErrors e = refused(drl);
    assertEquals(5, e.errors().get(0).line(), e.getMessage());
    assertTrue(e.getMessage().contains("`System`"), e.getMessage());
  }

  @Test
  void a_left_hand_side_that_calls_out_is_refused_too() throws IOException {
    String drl = ruleWith("", "insert(new ScorePart($i.subject(), 1, \"x\"));")
        .replace("$i : Issue( )", "$i : Issue( eval(System.getenv(\"HOME\") != null) )");
    assertEquals(8, refused(drl).errors().get(0).line());
  }

  @Test
  void a_unicode_escape_cannot_spell_a_forbidden_name() throws IOException {
    RuleErrors e = refused(ruleWith("", "\\u0053ystem.exit(3);"));
    assertTrue(e.getMessage().contains("unicode escapes"), e.getMessage());
  }

  @Test
  void the_mvel_dialect_is_refused() throws IOException {
    RuleErrors e = refused(ruleWith("dialect \"mvel\"", "insert(new ScorePart($i.subject(), 1, \"x\"));"));
    assertEquals(4, e.errors().get(0).line());
  }

  @Test
  void forbidden_words_in_strings_and_comments_are_only_words() throws IOException, RuleErrors {
    String drl = ruleWith("import java.util.List;\n// System.exit(1) would be refused in code",
        "insert(new ScorePart($i.subject(), 1, \"System load; new Thread; java.io.File\")); /* Runtime */");
    Files.writeString(dir.resolve("fine.drl"), drl);
    assertEquals(List.of("H-001"), RuleBook.open(dir).rules().stream().map(RuleInfo::id).toList());
  }

  @Test
  void the_bundled_rules_stay_inside_the_sandbox() throws IOException {
    for (Path f : Files.list(Path.of("rules")).filter(p -> p.toString().endsWith(".drl")).toList()) {
      assertEquals(List.of(), RuleSandbox.check(f.getFileName().toString(), Files.readString(f)), f.toString());
    }
  }
}
