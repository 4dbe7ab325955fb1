package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timmy.facts.Issue;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The priority policy is the numbers in rules/priority.drl: editing one in a copy of the default
 * rules and reloading changes the ranking, with no Java involved.
 */
class PriorityPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path rules;

  @BeforeEach
  void copy_the_default_rules() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) Files.copy(f, rules.resolve(f.getFileName()));
    }
  }

  @Test
  void lowering_the_security_points_lets_a_p1_bug_overtake_a_security_issue() throws Exception {
    Snapshot backlog = backlog(issue(1, List.of("security"), null), issue(2, List.of("bug", "p1"), null));
    RuleBook book = RuleBook.open(rules);
    assertEquals(List.of("alex/x#1", "alex/x#2"), ranking(book.evaluate(backlog)));

    editRule("priority.drl", "PRIO-002", "int points = 50;", "int points = 30;");
    RuleBook.Reload reload = book.reload();

    assertEquals(List.of(), reload.errors());
    assertEquals(true, reload.changed());
    Decision after = book.evaluate(backlog);
    assertEquals(List.of("alex/x#2", "alex/x#1"), ranking(after));
    assertEquals(40, after.priorityOf("alex/x#1").orElseThrow().total());
  }

  @Test
  void widening_the_milestone_window_boosts_a_milestone_due_in_three_weeks() throws Exception {
    Snapshot backlog = backlog(issue(1, List.of("p2"), null), issue(2, List.of(), NOW.plusSeconds(21 * 86_400L)));
    RuleBook book = RuleBook.open(rules);
    assertEquals(List.of("alex/x#1", "alex/x#2"), ranking(book.evaluate(backlog)));

    editRule("priority.drl", "PRIO-008", "$c.daysUntil(milestoneDueOn) <= 7", "$c.daysUntil(milestoneDueOn) <= 30");
    book.reload();

    assertEquals(List.of("alex/x#2", "alex/x#1"), ranking(book.evaluate(backlog)));
  }

  /** Replaces {@code from} exactly once inside the rule with {@code @id(ruleId)}; fails if the text is not there. */
  private void editRule(String file, String ruleId, String from, String to) throws IOException {
    Path path = rules.resolve(file);
    String drl = Files.readString(path);
    int start = drl.indexOf("@id(\"" + ruleId + "\")");
    int end = drl.indexOf("\nend", start);
    String rule = drl.substring(start, end);
    assertEquals(1, rule.split(java.util.regex.Pattern.quote(from), -1).length - 1,
        "expected exactly one '" + from + "' in rule " + ruleId + " of " + file);
    Files.writeString(path, drl.substring(0, start) + rule.replace(from, to) + drl.substring(end));
  }

  private static List<String> ranking(Decision d) {
    return d.priorities().stream().map(PriorityItem::subject).toList();
  }

  private static Issue issue(int number, List<String> labels, Instant milestoneDue) {
    return new Issue("alex/x", number, "issue " + number, "", labels, "alex", List.of("kimi-code"), "open",
        NOW, NOW, NOW, "alex", 0, false, milestoneDue == null ? null : "m" + number, milestoneDue);
  }

  private static Snapshot backlog(Issue... issues) {
    return Snapshot.ofBacklog(NOW, true, List.of(), new Owner("alex", List.of("on-hold")), List.of(issues),
        List.of(), List.of(), List.of());
  }
}
