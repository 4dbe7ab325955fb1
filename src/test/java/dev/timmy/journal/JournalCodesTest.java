package dev.timmy.journal;

import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timmy.act.ActionCode;
import dev.timmy.act.Mode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCodesTest {
  private static final String A = "alex/app#1";

  @TempDir Path dir;

  private static String column(Journal journal, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal.file().toAbsolutePath());
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  @Test
  void the_journal_stores_an_action_code_by_its_snake_case_name() throws Exception {
    Journal journal = Journal.open(dir.resolve("timmy.db"), new Given.Clock(NOW));
    long id = journal.beginCycle("cli", Mode.DRY_RUN, "r");
    ActionRow row = journal.record(id, Given.comment(A, "x"), Mode.DRY_RUN, ActionStatus.REFUSED, ActionCode.HOLDS_UNSEEN,
        "the holds of alex/app#1 were not seen");
    assertEquals("holds_unseen", column(journal, "SELECT code FROM actions WHERE id = " + row.id()));
    assertEquals(ActionCode.HOLDS_UNSEEN, journal.reader().action(row.id()).code());
  }

  @Test
  void an_older_journals_kebab_case_codes_still_read_and_count_with_their_snake_case_names() throws Exception {
    Journal journal = Journal.open(dir.resolve("old.db"), new Given.Clock(NOW));
    long id = journal.beginCycle("cli", Mode.LIVE, "r");
    for (String topic : List.of("a", "b")) {
      journal.record(id, Given.comment(A, topic), Mode.LIVE, ActionStatus.REFUSED, ActionCode.OWNER_INSTRUCTION, "told");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal.file().toAbsolutePath())) {
      // What a journal written before the enum holds.
      c.createStatement().executeUpdate("UPDATE actions SET code = 'owner-instruction' WHERE id = (SELECT min(id) FROM actions)");
    }
    assertEquals("owner-instruction", column(journal, "SELECT code FROM actions WHERE id = (SELECT min(id) FROM actions)"));
    List<ActionRow> rows = journal.reader().cycle(id).orElseThrow().actions();
    assertEquals(List.of(ActionCode.OWNER_INSTRUCTION, ActionCode.OWNER_INSTRUCTION), rows.stream().map(ActionRow::code).toList());
    assertEquals(Map.of("owner_instruction", 2L), journal.reader().counts().refusalsByCode());
  }
}
