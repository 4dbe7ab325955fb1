package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of a dispatch (LIFE-005) and of joined reasons, built on the records. */
class RouteScoreTest {
  @Test
  void a_route_s_reasons_read_strongest_first_and_ties_by_their_words() {
    List<RouteScore> parts = List.of(new RouteScore("s", "kimi", 10, "b plain work: +10"),
        new RouteScore("s", "kimi", -15, "keeps failing CI: -15"), new RouteScore("s", "kimi", 30, "strong: +30"),
        new RouteScore("s", "kimi", 10, "a also: +10"));
    assertEquals("strong: +30; a also: +10; b plain work: +10; keeps failing CI: -15", RouteScore.reasons(parts));
    assertEquals("", RouteScore.reasons(List.of()));
  }

  @Test
  void joined_details_are_sorted_and_named_details_carry_their_check() {
    List<Check> why = List.of(new Check("agent:a", "available", false, "no process named a runs on the host"),
        new Check("agent:a", "available", false, "disabled in the roster"));
    assertEquals("disabled in the roster; no process named a runs on the host", Check.details(why));
    List<Check> inTheWay = List.of(new Check("x#1", "on-hold", true, "labelled parked"), new Check("x#1", "blocked", true, "labelled blocked"));
    assertEquals("blocked: labelled blocked; on-hold: labelled parked", Check.namedDetails(inTheWay));
  }
}
