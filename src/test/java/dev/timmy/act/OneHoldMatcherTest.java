package dev.timmy.act;

import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.BudgetConfig;
import dev.timmy.config.OwnerConfig;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import dev.timmy.decide.RuleBook;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.Subjects;
import dev.timmy.journal.Given;
import dev.timmy.journal.Journal;
import dev.timmy.act.Mode;
import dev.timmy.derive.Derive;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds and instructions go through one matcher: the rules and the Java guard agree on every spelling. */
class OneHoldMatcherTest {
  static final Owner ALEX = new Owner("alex", List.of("on-hold"));
  static final List<String> HOLDING = List.of("Don\u2019t merge", "DON'T   MERGE", "don\u2018t\u00a0merge", "Do not\nmerge yet",
      "/timmy HOLD", "/Timmy\u2003hold", "don\u02bct merge", "ｄｏｎ'ｔ merge", "do\u200b not merge");
  static final List<String> NOT_HOLDING = List.of("merge it", "don't worry, merge", "timmy hold", "do merge", "");

  @TempDir Path dir;

  @Test
  void alexs_instruction_is_recognised_in_any_case_spacing_or_apostrophe_and_only_from_him() {
    for (String said : HOLDING) {
      assertTrue(ALEX.instructs(new Comment("alex/app#1", 1, "Alex", said, NOW)), said);
      assertFalse(ALEX.instructs(new Comment("alex/app#1", 1, "kimi-code", said, NOW)), "from kimi: " + said);
    }
    for (String said : NOT_HOLDING) assertFalse(ALEX.instructs(new Comment("alex/app#1", 1, "alex", said, NOW)), said);
    assertFalse(new Owner("", List.of()).instructs(new Comment("alex/app#1", 1, "", "don't merge", NOW)),
        "no configured login is nobody's instruction");
  }

  @Test
  void hold_labels_and_strategy_match_whatever_the_case_or_spacing() {
    assertEquals("On-Hold", ALEX.holdLabelAmong(List.of("bug", "On-Hold")).orElseThrow());
    assertTrue(ALEX.holds(List.of(" ON-HOLD ")));
    assertFalse(ALEX.holds(List.of("on hold", "hold")));
    assertTrue(Owner.strategic(List.of("Strategy")));
    assertFalse(Owner.strategic(List.of("strategic")));
  }

  @Test
  void an_alias_of_a_subject_is_the_same_item_and_garbage_is_none() {
    assertEquals("alex/demo#7", Subjects.canonical("alex/demo#07").orElseThrow());
    assertEquals("alex/demo#7", Subjects.canonical("ALEX/Demo#7").orElseThrow());
    for (String bad : List.of("alex/demo#0", "alex/demo#", "../x#1", "alex/..#1", "alex/demo#99999999999", " alex/demo#7",
        "alex/demo#7\n", "alex/demo#-7", "alex/demo#\uff17", "loop:x")) {
      assertTrue(Subjects.canonical(bad).isEmpty(), bad);
    }
  }

  /** The real rules' CLASS-006 and the guard read the same comments as instructions, on a snapshot of each spelling. */
  @Test
  void the_rules_and_the_guard_agree_on_every_spelling() throws Exception {
    RuleBook rules = RuleBook.open(Path.of("rules"));
    Journal journal = Journal.open(dir.resolve("t.db"), new Given.Clock(NOW));
    Authority authority = new Authority(new OwnerConfig("alex", List.of("on-hold"), null), BudgetConfig.defaults(),
        journal.reader(), new Given.Clock(NOW));
    for (String said : concat(HOLDING, NOT_HOLDING)) {
      Comment c = Given.comment("alex/app#1", "alex", said);
      Snapshot s = Given.snapshot(List.of(Given.issue("alex/app", 1, "bug")), List.of(c));
      Decision d = rules.evaluate(Derive.from(s));
      boolean ruled = d.checksOf("alex/app#1").stream().anyMatch(x -> x.name().equals("owner-instruction") && x.ok());
      Verdict v = authority.open(s, Mode.DRY_RUN).review(Given.proposal(ActionKind.ADD_LABEL, "alex/app#1", Map.of("label", "p1")),
          RecordingTarget.forAll());
      assertEquals(HOLDING.contains(said), ruled, "rules on \"" + said + "\": " + d.checksOf("alex/app#1").stream().map(CheckItem::name).toList());
      assertEquals(HOLDING.contains(said), ActionCode.OWNER_INSTRUCTION.equals(v.code()), "guard on \"" + said + "\": " + v);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
