package dev.timmy.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.decide.RuleBook;
import dev.timmy.decide.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesWatcherTest {
  private static final String EXTRA = """

      rule "Escalate p0"
        @id("T-010") @title("p0 work is shown to Alex")
      when
        $i : Issue( labels contains "p0" )
      then
        insert(new Proposal(ActionKind.ESCALATE, $i.subject(), "p0"));
      end
      """;

  @Test
  void unchanged_files_reload_nothing_an_edit_reloads_and_a_bad_edit_keeps_the_old_rules(@TempDir Path dir) throws Exception {
    Path file = Drl.write(dir, "policy.drl", Drl.GREET);
    RuleBook book = RuleBook.open(dir);
    RulesWatcher watcher = new RulesWatcher(book);
    assertTrue(watcher.refresh().isEmpty());

    Files.writeString(file, Drl.GREET + EXTRA);
    RuleBook.Reload edit = watcher.refresh().orElseThrow();
    assertTrue(edit.ok() && edit.changed());
    assertEquals(List.of("T-001", "T-002", "T-003", "T-010"), book.rules().stream().map(RuleInfo::id).toList());
    String good = book.revision();

    Files.writeString(file, Drl.GREET + EXTRA.replace("then", "then oops("));
    RuleBook.Reload bad = watcher.refresh().orElseThrow();
    assertFalse(bad.ok());
    assertEquals(good, book.revision(), "the last good rules stay in force");
    assertTrue(book.errors().get(0).file().endsWith("policy.drl"), book.errors().toString());
    assertTrue(watcher.refresh().isEmpty(), "a bad edit is not recompiled every cycle");
    assertFalse(book.errors().isEmpty(), "its errors stay visible until fixed");

    Files.writeString(file, Drl.GREET);
    assertTrue(watcher.refresh().orElseThrow().ok());
    assertTrue(book.errors().isEmpty());
    assertNotEquals(good, book.revision());
  }

  @Test
  void a_new_file_and_a_removed_file_are_changes(@TempDir Path dir) throws Exception {
    Drl.write(dir, "a.drl", Drl.GREET);
    RuleBook book = RuleBook.open(dir);
    RulesWatcher watcher = new RulesWatcher(book);
    String before = watcher.seen();
    Path notes = Drl.write(dir, "notes.txt", "not a rule file");
    assertTrue(watcher.refresh().isEmpty(), "only *.drl files count");
    Path b = Drl.write(dir, "b.drl", Drl.HEADER + EXTRA);
    assertEquals(4, watcher.refresh().orElseThrow().ok() ? book.rules().size() : -1);
    Files.delete(b);
    Files.delete(notes);
    assertTrue(watcher.refresh().orElseThrow().ok());
    assertEquals(before, watcher.seen());
    assertEquals(3, book.rules().size());
  }
}
