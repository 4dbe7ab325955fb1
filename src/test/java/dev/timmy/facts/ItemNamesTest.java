package dev.timmy.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Item names are shared strings where they may be, and always the name {@code repo#N}. */
class ItemNamesTest {
  @Test
  void a_name_is_repo_hash_number_and_the_same_string_each_time_it_is_asked() {
    ItemNames names = new ItemNames(4, 1 << 12);
    String first = names.name("alex/a", 1234);
    assertEquals("alex/a#1234", first);
    assertSame(first, names.name("alex/a", 1234), "handed out again, not built again");
    assertSame(names.name("alex/a", 0), names.name("alex/a", 0));
    assertEquals("alex/b#1234", names.name("alex/b", 1234), "another repository, another name");
    assertEquals("alex/a#1234", Subjects.of("alex/a", 1234), "subjects are built from the shared names");
  }

  @Test
  void a_table_that_grows_keeps_the_names_it_handed_out() {
    ItemNames names = new ItemNames(4, 1 << 12);
    String small = names.name("alex/grow", 3);
    String large = names.name("alex/grow", (1 << 12) - 1);
    assertEquals("alex/grow#4095", large);
    assertSame(small, names.name("alex/grow", 3));
    assertSame(large, names.name("alex/grow", 4095));
  }

  @Test
  void numbers_and_repositories_past_the_bounds_are_still_named_correctly_but_not_kept() {
    ItemNames names = new ItemNames(2, 100);
    assertEquals("alex/c#-5", names.name("alex/c", -5));
    assertEquals("alex/c#100", names.name("alex/c", 100));
    assertNotSame(names.name("alex/c", 100), names.name("alex/c", 100), "a number past the bound is built each time");
    assertEquals("alex/c#" + Integer.MAX_VALUE, Subjects.of("alex/c", Integer.MAX_VALUE), "not a 2-billion-slot table");
    names.name("alex/c", 1);
    names.name("alex/d", 1);
    assertEquals("alex/e#7", names.name("alex/e", 7), "a third repository is named");
    assertNotSame(names.name("alex/e", 7), names.name("alex/e", 7), "and not kept");
    assertSame(names.name("alex/d", 1), names.name("alex/d", 1), "the first two still are");
  }
}
