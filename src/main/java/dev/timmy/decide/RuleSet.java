package dev.timmy.decide;

import java.nio.file.Path;
import java.util.List;
import org.kie.api.KieBase;

/** One compiled rule directory: the KieBase, its revision and what it contains. */
record RuleSet(Path dir, KieBase base, String revision, List<String> files, List<RuleInfo> rules) {
  RuleSet {
    files = List.copyOf(files);
    rules = List.copyOf(rules);
  }
}
