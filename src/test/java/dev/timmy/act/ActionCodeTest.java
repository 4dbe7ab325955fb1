package dev.timmy.act;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.Json;
import org.junit.jupiter.api.Test;

class ActionCodeTest {
  @Test
  void every_code_is_spelled_snake_case_and_reads_back_from_its_name() {
    for (ActionCode c : ActionCode.values()) {
      assertTrue(c.wire().matches("[a-z]+(_[a-z]+)*"), c.wire());
      assertEquals(c, ActionCode.read(c.wire()));
      assertEquals(c.wire(), c.toString(), "concatenated into sentences by its wire name");
    }
  }

  @Test
  void the_kebab_case_of_older_journals_reads_as_the_same_code() {
    assertEquals(ActionCode.HOLDS_UNSEEN, ActionCode.read("holds-unseen"));
    assertEquals(ActionCode.UNDONE_TWICE, ActionCode.read("undone-twice"));
    assertEquals(ActionCode.TARGET_LIVE, ActionCode.read("target-live"));
    assertNull(ActionCode.read(null));
  }

  @Test
  void an_unknown_code_is_an_error_that_names_it_and_the_known_ones() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActionCode.read("on-hol\u0000d"));
    assertTrue(e.getMessage().contains("found \"on-hol\u0000d\""), e.getMessage());
    assertTrue(e.getMessage().contains("on_hold"), e.getMessage());
  }

  @Test
  void json_carries_the_snake_case_name_and_reads_either_spelling() throws Exception {
    assertEquals("\"comment_budget\"", Json.mapper().writeValueAsString(ActionCode.COMMENT_BUDGET));
    assertEquals(ActionCode.COMMENT_BUDGET, Json.mapper().readValue("\"comment-budget\"", ActionCode.class));
  }
}
