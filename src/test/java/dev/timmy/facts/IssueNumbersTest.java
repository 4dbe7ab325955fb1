package dev.timmy.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IssueNumbersTest {
  @Test
  void ascii_digits_within_an_int_are_a_number_and_leading_zeros_are_allowed() {
    assertEquals(12, IssueNumbers.read("12"));
    assertEquals(7, IssueNumbers.read("007"));
    assertEquals(Integer.MAX_VALUE, IssueNumbers.read("2147483647"));
  }

  @Test
  void what_cannot_be_an_issue_number_is_none_and_never_throws() {
    assertEquals(0, IssueNumbers.read("2147483648"), "one past an int");
    assertEquals(0, IssueNumbers.read("9999999999"));
    assertEquals(0, IssueNumbers.read("9".repeat(100_000)), "huge");
    assertEquals(0, IssueNumbers.read("-5"), "negative");
    assertEquals(0, IssueNumbers.read("+5"));
    assertEquals(0, IssueNumbers.read("0"));
    assertEquals(0, IssueNumbers.read("١٢"), "Arabic-Indic digits, which Integer.parseInt would read as 12");
    assertEquals(0, IssueNumbers.read("１２"), "full-width digits");
    assertEquals(0, IssueNumbers.read(""));
    assertEquals(0, IssueNumbers.read(null));
    assertEquals(0, IssueNumbers.read("12 "));
  }

  @Test
  void numbers_after_a_phrase_are_read_in_order_in_any_case_and_spacing() {
    assertEquals(java.util.List.of(12, 7), IssueNumbers.after("Blocked  by #12, and\ndepends\ton #7.", "blocked by", "depends on"));
    assertEquals(java.util.List.of(3), IssueNumbers.after("DEPENDS ON #3", "blocked by", "depends on"));
  }

  @Test
  void a_phrase_is_quoted_not_a_pattern_and_a_word_must_start_it() {
    assertEquals(java.util.List.of(), IssueNumbers.after("unblocked by #12", "blocked by"), "inside a word");
    assertEquals(java.util.List.of(), IssueNumbers.after("blocked by 12", "blocked by"), "no hash");
    assertEquals(java.util.List.of(), IssueNumbers.after("blockedXby #12", "blocked.by"), "a dot is a dot");
    assertEquals(java.util.List.of(5), IssueNumbers.after("a(b #5", "a(b"), "a parenthesis compiles as text");
  }

  @Test
  void what_is_no_issue_number_is_left_out_and_no_text_is_no_numbers() {
    assertEquals(java.util.List.of(4), IssueNumbers.after("blocked by #0, blocked by #99999999999, blocked by #4", "blocked by"));
    assertEquals(java.util.List.of(), IssueNumbers.after(null, "blocked by"));
    assertEquals(java.util.List.of(), IssueNumbers.after("blocked by #1"));
  }
}
