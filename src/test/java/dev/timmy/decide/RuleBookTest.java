package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.derive.Derive;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentKind;
import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBookTest {
  static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  static final String HEADER = """
      package timmy.test;
      import dev.timmy.facts.*;
      import dev.timmy.decide.*;
      import java.util.Map;
      """;

  static final String SCORING = HEADER + """
      rule "bugs first"
        @id("T-001") @title("Bugs score")
      when
        $i : Issue( labels contains "bug" )
      then
        insert(new ScorePart($i.subject(), 50, "a bug"));
      end

      rule "every open issue"
        @id("T-002") @title("Open issues score")
      when
        $i : Issue( state == "open" )
      then
        insert(new ScorePart($i.subject(), 10, "open"));
      end

      rule "claude for bugs"
        @id("T-003") @title("Claude takes bugs")
      when
        $i : Issue( labels contains "bug" )
        $a : Agent( kind == AgentKind.CLAUDE )
      then
        insert(new RouteScore($i.subject(), $a.name(), 5, "bugs suit claude"));
      end

      rule "kimi for anything"
        @id("T-004") @title("Kimi takes anything")
      when
        $i : Issue( )
        $a : Agent( kind == AgentKind.KIMI )
      then
        insert(new RouteScore($i.subject(), $a.name(), 2, "kimi is generalist"));
      end

      rule "dispatch"
        @id("T-005") @title("Dispatch the chosen route")
      when
        Chosen( $s : subject, $agent : agent )
      then
        insert(new Proposal(ActionKind.ASSIGN, $s, Map.of("agent", $agent), "routed"));
      end

      rule "never close bug 1"
        @id("T-006") @title("Veto dispatch of #1")
      when
        $p : Proposal( subject == "o/r#1", kind == ActionKind.ASSIGN )
      then
        insert(new Veto($p.key(), "#1 is special"));
      end
      """;

  static Issue issue(int n, String... labels) {
    return new Issue("o/r", n, "issue " + n, "", List.of(labels), "alex", List.of(), "open",
        NOW, NOW, NOW, "alex", 0, false, null, null);
  }

  static Agent agent(String name, AgentKind kind, int max) {
    return new Agent(name, kind, name, name + "-ready", List.of(), List.of(), max, List.of(), true);
  }

  static Snapshot snapshot(List<Issue> issues, List<Agent> agents) {
    return Derive.from(Snapshot.ofBacklog(NOW, true, List.of(), new Owner("alex", List.of("on-hold")), issues, List.of(),
        List.of(), agents));
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
    return dir;
  }

  @Test
  void priorities_routes_and_vetoes_name_their_rules(@TempDir Path dir) throws Exception {
    RuleBook book = RuleBook.open(write(dir, "score.drl", SCORING));
    Decision d = book.evaluate(snapshot(List.of(issue(1, "bug"), issue(2), issue(3, "bug")),
        List.of(agent("claude", AgentKind.CLAUDE, 1), agent("kimi", AgentKind.KIMI, 5))));

    assertEquals(List.of("o/r#1", "o/r#3", "o/r#2"), d.priorities().stream().map(PriorityItem::subject).toList());
    PriorityItem first = d.priorities().get(0);
    assertEquals(60, first.total());
    assertEquals(List.of("T-001", "T-002"), first.parts().stream().map(Scored::ruleId).toList());
    assertEquals("Bugs score", first.parts().get(0).title());
    assertTrue(first.parts().get(0).facts().get(0).startsWith("issue o/r#1"), first.parts().get(0).facts().toString());

    // claude has one slot: the higher-ranked bug #1 takes it, bug #3 falls back to kimi
    assertEquals("claude", d.chosenRoute("o/r#1").orElseThrow().agent());
    assertEquals("kimi", d.chosenRoute("o/r#3").orElseThrow().agent());
    RouteItem lostClaude = d.routesOf("o/r#3").stream().filter(r -> r.agent().equals("claude")).findFirst().orElseThrow();
    assertFalse(lostClaude.chosen());
    assertTrue(lostClaude.reason().contains("capacity"), lostClaude.reason());

    ProposalItem assign1 = d.proposalsOf("o/r#1").get(0);
    assertEquals("T-005", assign1.ruleId());
    assertEquals("ASSIGN:o/r#1:agent=claude", assign1.id());
    assertEquals("T-006", assign1.vetoes().get(0).ruleId());
    assertFalse(d.proposalsOf("o/r#2").get(0).vetoed());
  }

  @Test
  void a_syntax_error_is_reported_with_file_and_line(@TempDir Path dir) throws Exception {
    write(dir, "good.drl", SCORING);
    write(dir, "broken.drl", HEADER + """
        rule "broken"
          @id("B-001") @title("Broken")
        when
          $i : Issue( labels contains )
        then
        end
        """);
    RuleErrors e = assertThrows(RuleErrors.class, () -> RuleBook.open(dir));
    RuleError first = e.errors().get(0);
    assertEquals("broken.drl", first.file());
    assertEquals(8, first.line(), e.getMessage());
  }

  @Test
  void an_unknown_field_is_reported_with_file_and_line(@TempDir Path dir) throws Exception {
    write(dir, "typo.drl", HEADER + """

        rule "typo"
          @id("B-002") @title("Typo")
        when
          $i : Issue( lables contains "bug" )
        then
        end
        """);
    RuleErrors e = assertThrows(RuleErrors.class, () -> RuleBook.open(dir));
    assertEquals("typo.drl", e.errors().get(0).file());
    assertEquals(9, e.errors().get(0).line(), e.getMessage());
    assertTrue(e.getMessage().contains("lables"), e.getMessage());
  }

  @Test
  void rules_without_id_or_with_a_duplicate_id_are_refused(@TempDir Path dir) throws Exception {
    write(dir, "a.drl", HEADER + """
        rule "no id"
          @title("No id")
        when
          Issue()
        then
        end

        rule "dup one"
          @id("D-1") @title("One")
        when
          Issue()
        then
        end
        """);
    write(dir, "b.drl", HEADER + """
        rule "dup two"
          @id("D-1") @title("Two")
        when
          Issue()
        then
        end
        """);
    RuleErrors e = assertThrows(RuleErrors.class, () -> RuleBook.open(dir));
    assertTrue(e.getMessage().contains("a.drl:5: rule \"no id\" needs both"), e.getMessage());
    assertTrue(e.getMessage().contains("@id(\"D-1\") is also used"), e.getMessage());
  }

  @Test
  void a_failed_reload_keeps_the_last_good_rules_and_reports_errors(@TempDir Path dir) throws Exception {
    RuleBook book = RuleBook.open(write(dir, "score.drl", SCORING));
    String good = book.revision();
    write(dir, "score.drl", SCORING.replace("then\n  insert(new ScorePart($i.subject(), 50", "then\n  insert(new ScorePart($i.subject(), 5O"));
    write(dir, "score.drl", SCORING + "\nrule \"x\" @id(\"X\") when then oops( end\n");
    RuleBook.Reload r = book.reload();
    assertFalse(r.ok());
    assertEquals(good, book.revision());
    assertEquals("score.drl", book.errors().get(0).file());
    Decision still = book.evaluate(snapshot(List.of(issue(1, "bug")), List.of()));
    assertEquals(60, still.priorities().get(0).total());

    write(dir, "score.drl", SCORING.replace("50, \"a bug\"", "70, \"a bug\""));
    RuleBook.Reload fixed = book.reload();
    assertTrue(fixed.ok() && fixed.changed());
    assertNotEquals(good, book.revision());
    assertTrue(book.errors().isEmpty());
    assertEquals(80, book.evaluate(snapshot(List.of(issue(1, "bug")), List.of())).priorities().get(0).total());
  }

  @Test
  void a_runaway_rule_aborts_with_no_decision(@TempDir Path dir) throws Exception {
    write(dir, "loop.drl", HEADER + """
        rule "ping pong"
          @id("R-001") @title("Never settles")
        when
          $p : ScorePart( )
        then
          delete($p);
          insert(new ScorePart($p.subject(), $p.points() + 1, "again"));
        end

        rule "seed"
          @id("R-002") @title("Seed")
        when
          $i : Issue( )
        then
          insert(new ScorePart($i.subject(), 1, "seed"));
        end
        """);
    RuleBook book = RuleBook.open(dir);
    EvaluationException e = assertThrows(EvaluationException.class,
        () -> book.evaluate(snapshot(List.of(issue(1)), List.of()), 500));
    assertTrue(e.getMessage().contains("R-001"), e.getMessage());
    assertTrue(e.getMessage().contains("firing limit"), e.getMessage());
  }

  @Test
  void logical_facts_that_lose_support_leave_the_decision(@TempDir Path dir) throws Exception {
    write(dir, "tms.drl", HEADER + """
        rule "candidate"
          @id("L-001") @title("Every issue is a candidate")
        when
          $i : Issue( )
        then
          insertLogical(new Check($i.subject(), "candidate", true, "open"));
        end

        rule "mark"
          @id("L-002") @title("Mark it")
        when
          $i : Issue( )
        then
          insert(new ScorePart($i.subject(), 1, "seen"));
        end

        rule "retract when scored"
          @id("L-003") @title("Scored issues drop out")
        when
          $i : Issue( )
          ScorePart( subject == $i.subject() )
          $c : Check( subject == $i.subject(), name == "candidate" )
        then
          delete($c);
        end
        """);
    Decision d = RuleBook.open(dir).evaluate(snapshot(List.of(issue(1)), List.of()));
    assertTrue(d.checks().isEmpty(), d.checks().toString());
  }
}
