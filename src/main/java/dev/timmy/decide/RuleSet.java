package dev.timmy.decide;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.kie.api.KieBase;

/**
 * One compiled rule directory: the KieBase, its revision and what it contains. {@code stated} is
 * where a rule changes the session other than by insertLogical ({@link RuleLint#stated}), null when
 * none does: only then may a session live across cycles.
 */
record RuleSet(Path dir, KieBase base, String revision, List<String> files, List<RuleInfo> rules, RuleError stated) {
  RuleSet {
    files = List.copyOf(files);
    rules = List.copyOf(rules);
  }

  /** Why these rules are evaluated afresh every cycle; empty when a live session may decide them. */
  Optional<RuleError> afresh() {
    return Optional.ofNullable(stated);
  }
}
