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
}
