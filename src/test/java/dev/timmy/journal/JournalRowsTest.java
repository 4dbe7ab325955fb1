package dev.timmy.journal;

import static dev.timmy.journal.Given.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.act.Mode;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows behind the journal's items and snapshots, where their order or their bytes are not what the writer assumed. */
class JournalRowsTest {
  @TempDir Path dir;

  private static Decision withChecks(List<CheckItem> checks) {
    Decision d = Given.decision("alex/app#1", List.of());
    return new Decision(d.rulesRevision(), d.snapshot(), d.firings(), d.priorities(), d.routes(), d.proposals(),
        d.escalations(), checks);
  }

  private static CheckItem check(String subject, String name) {
    return new CheckItem(subject, name, true, "detail", "CLASS-001", "A check");
  }

  @Test
  void items_in_an_order_the_sort_keys_do_not_give_are_kept_in_that_order_by_position() {
    Journal j = Journal.open(dir.resolve("order.db"), new Given.Clock(NOW));
    // not grouped by subject, and a subject with a control character before the separator
    List<CheckItem> odd = List.of(check("alex/app#2", "a"), check("alex/app#1", "b"), check("alex/app#2", "c"),
        check("alex/app#1\u0000x", "d"));
    List<CheckItem> sorted = List.of(check("alex/app#1", "b"), check("alex/app#2", "a"), check("alex/app#2", "c"));
    long first = j.beginCycle("t", Mode.DRY_RUN, "r");
    j.decided(first, withChecks(odd));
    long second = j.beginCycle("t", Mode.DRY_RUN, "r");
    j.decided(second, withChecks(sorted));
    assertEquals(odd, checks(j, first));
    assertEquals(sorted, checks(j, second));
  }

  private static List<CheckItem> checks(Journal j, long cycle) {
    return j.reader().cycle(cycle).orElseThrow().items().stream().filter(i -> i.kind() == ItemKind.CHECK)
        .map(i -> i.as(CheckItem.class)).toList();
  }

  @Test
  void a_stored_snapshot_whose_bytes_were_altered_is_refused_naming_its_digest() throws Exception {
    Journal j = Journal.open(dir.resolve("tampered.db"), new Given.Clock(NOW));
    long id = j.beginCycle("t", Mode.DRY_RUN, "r");
    String digest = j.observed(id, Given.snapshot(List.of(Given.issue("alex/app", 1, "bug")), List.of()));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + j.file().toAbsolutePath())) {
      c.createStatement().executeUpdate("UPDATE snapshots SET data = x'0102030405'");
    }
    JournalException garbled = assertThrows(JournalException.class, () -> j.reader().snapshot(id));
    assertTrue(garbled.getMessage().contains("snapshot " + digest), garbled.getMessage());
    Given.Clock clock = new Given.Clock(NOW);
    Journal other = Journal.open(dir.resolve("swapped.db"), clock);
    long a = other.beginCycle("t", Mode.DRY_RUN, "r");
    other.observed(a, Given.snapshot(List.of(Given.issue("alex/app", 1, "bug")), List.of()));
    long b = other.beginCycle("t", Mode.DRY_RUN, "r");
    String second = other.observed(b, Given.snapshot(List.of(Given.issue("alex/app", 1, "feature")), List.of()));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other.file().toAbsolutePath())) {
      // the second snapshot's bytes replaced by the first's: it would read back as another snapshot
      c.createStatement().executeUpdate("UPDATE snapshots SET data = (SELECT data FROM snapshots WHERE base IS NULL),"
          + " base = NULL WHERE digest = '" + second + "'");
    }
    JournalException swapped = assertThrows(JournalException.class, () -> other.reader().snapshot(b));
    assertTrue(swapped.getMessage().contains("snapshot " + second + " reads back as"), swapped.getMessage());
  }
}
